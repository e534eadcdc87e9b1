import type { Payload } from 'payload'
import { z } from 'zod'
import { generateBookingCode } from '../../cms/booking/code.ts'
import type { Course, CourseSession } from '../../cms/payload-types.ts'
import { type Street, streets } from '../../common/district.ts'
import { TIMEZONE } from '../../common/i18n.ts'
import { readSampleJson } from '../lib/sampleFiles.ts'
import type { ContentMigration } from '../types.ts'

const DAY = 24 * 60 * 60 * 1000
const SESSIONS = 30

const streetsFile = z.object({
  streets: z.array(z.object({ name: z.enum(streets), communities: z.array(z.string()).min(1) })).length(10),
})

const parentNames = [
  '陈女士',
  '李先生',
  '王女士',
  '张女士',
  '刘先生',
  '黄女士',
  '周女士',
  '吴先生',
  '林女士',
  '郑女士',
  '何先生',
  '许女士',
]

/** Wall-clock time in Shanghai, `days` after `now`'s Shanghai date, as an ISO instant. */
function shanghai(now: Date, days: number, time: string): string {
  const date = new Date(now.getTime() + 8 * 60 * 60 * 1000 + days * DAY).toISOString().slice(0, 10)
  return new Date(`${date}T${time}:00+08:00`).toISOString()
}

type Plan = { daysAhead: number; confirmed: number; waitlisted: number; capacity: number; opensInDays?: number }

/** Past, nearly full, full with a waitlist, not yet open, lightly booked and empty sessions, in that order. */
function planFor(i: number): Plan {
  const capacity = [30, 40, 50, 24][i % 4] ?? 30
  if (i < 4) return { daysAhead: -(7 + i * 5), confirmed: 0, waitlisted: 0, capacity }
  const daysAhead = i - 2
  if (i < 6) return { daysAhead, confirmed: 6 + i, waitlisted: 0, capacity: 12 }
  if (i === 6) return { daysAhead, confirmed: 8, waitlisted: 3, capacity: 8 }
  if (i < 9) return { daysAhead: daysAhead + 14, confirmed: 0, waitlisted: 0, capacity, opensInDays: 5 }
  if (i < 13) return { daysAhead, confirmed: i - 7, waitlisted: 0, capacity }
  return { daysAhead, confirmed: 0, waitlisted: 0, capacity }
}

async function addBookings(payload: Payload, session: CourseSession, plan: Plan, ctx: SampleContext, i: number) {
  const statuses = [...Array(plan.confirmed).fill('confirmed'), ...Array(plan.waitlisted).fill('waitlisted')] as const
  for (const [n, status] of statuses.entries()) {
    await payload.create({
      collection: 'bookings',
      overrideAccess: true,
      data: {
        session: session.id,
        code: generateBookingCode(),
        status,
        parentName: parentNames[(i + n) % parentNames.length] ?? '陈女士',
        phone: `1380000${String(i * 100 + n).padStart(4, '0')}`,
        childAgeBand: '6-12',
        street: ctx.street,
        community: ctx.community,
        attendees: 1,
        guardianConsent: { given: true, at: ctx.nowIso, policyVersion: ctx.policyVersion },
        idempotencyKey: `sample-${i}-${n}`,
      },
    })
  }
  await payload.update({
    collection: 'course-sessions',
    id: session.id,
    overrideAccess: true,
    data: { confirmedCount: plan.confirmed, waitlistedCount: plan.waitlisted },
  })
}

type SampleContext = { street: Street; community: string; nowIso: string; policyVersion: string }

export const sampleSessions: ContentMigration = {
  name: '0006-sample-sessions',
  sample: true,
  description: '以载入当天为基准的示例开课场次（已结束、即将满员、已满候补、未开放、空场）与示例报名',
  async up({ payload, dryRun, now }) {
    if (dryRun) return `将创建 ${SESSIONS} 个场次及示例报名`
    if ((await payload.count({ collection: 'course-sessions' })).totalDocs > 0) return '已有场次，未创建'
    const { streets } = await readSampleJson('streets.json', streetsFile)
    const { docs: courses } = await payload.find({ collection: 'courses', limit: 0, pagination: false, depth: 0 })
    const offline = courses.filter((c) => c.format === 'offline')
    const online = courses.filter((c) => c.format === 'online')
    const settings = await payload.findGlobal({ slug: 'site-settings' })

    for (let i = 0; i < SESSIONS; i++) {
      const isOnline = i >= SESSIONS - 4
      const course = (isOnline ? online[i % online.length] : offline[(i * 2) % offline.length]) as Course
      const street = streets[i % streets.length] ?? streets[0]
      if (!street) throw new Error('streets.json is empty')
      const community = street.communities[Math.floor(i / streets.length) % street.communities.length] ?? ''
      const plan = planFor(i)
      const time = ['09:30', '14:30', '19:30'][i % 3] ?? '19:30'
      const startsAt = shanghai(now, plan.daysAhead, time)
      const session = await payload.create({
        collection: 'course-sessions',
        data: {
          course: course.id,
          startsAt,
          startsAt_tz: TIMEZONE,
          endsAt: new Date(Date.parse(startsAt) + course.durationMinutes * 60 * 1000).toISOString(),
          endsAt_tz: TIMEZONE,
          venue: isOnline
            ? {}
            : {
                street: street.name,
                community,
                address: `${community}党群服务中心 ${(i % 4) + 2} 楼活动室（示例地址）`,
              },
          onlineLink: isOnline ? `https://example.com/live/${course.code.toLowerCase()}` : undefined,
          capacity: plan.capacity,
          waitlistSize: 10,
          bookingOpensAt: plan.opensInDays
            ? shanghai(now, plan.opensInDays, '09:00')
            : new Date(Math.min(now.getTime(), Date.parse(startsAt) - 14 * DAY)).toISOString(),
          status: plan.daysAhead < 0 ? ('completed' as const) : ('scheduled' as const),
        },
      })
      const ctx = {
        street: street.name,
        community,
        nowIso: now.toISOString(),
        policyVersion: settings.privacyPolicyVersion ?? '2026-01',
      }
      if (plan.confirmed + plan.waitlisted > 0) await addBookings(payload, session, plan, ctx, i)
    }
    return `${SESSIONS} 个场次`
  },
}
