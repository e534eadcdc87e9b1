import crypto from 'node:crypto'
import type { Payload } from 'payload'
import { TIMEZONE } from '../../common/i18n.ts'

const HOUR = 60 * 60 * 1000

/** A published course with one session; times are relative to now unless overridden. */
let nextCourseNumber = crypto.randomInt(100, 5000)

export async function createSession(
  payload: Payload,
  opts: {
    capacity: number
    waitlistSize?: number
    startsInHours?: number
    opensInHours?: number
    closesInHours?: number
    deadlineInHours?: number
  },
) {
  const categories = await payload.find({ collection: 'course-categories', limit: 1 })
  const category =
    categories.docs[0] ??
    (await payload.create({ collection: 'course-categories', data: { name: '测试类别', order: 1 } }))
  // Unique within a test file's database (a random code collided now and then).
  const n = nextCourseNumber++
  const course = await payload.create({
    collection: 'courses',
    data: {
      code: `TS-${n}`,
      title: `测试课程${n}`,
      category: category.id,
      format: 'offline',
      durationMinutes: 90,
      audience: ['all'],
      summary: '测试',
      _status: 'published',
    },
  })
  const now = Date.now()
  const startsAt = new Date(now + (opts.startsInHours ?? 72) * HOUR)
  const at = (hours: number | undefined) =>
    hours === undefined ? undefined : new Date(now + hours * HOUR).toISOString()
  return payload.create({
    collection: 'course-sessions',
    data: {
      course: course.id,
      startsAt: startsAt.toISOString(),
      startsAt_tz: TIMEZONE,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
      endsAt_tz: TIMEZONE,
      venue: { street: '福田街道' as const, community: '岗厦社区', address: '测试地址' },
      capacity: opts.capacity,
      status: 'scheduled' as const,
      waitlistSize: opts.waitlistSize ?? 0,
      bookingOpensAt: at(opts.opensInHours ?? -1),
      bookingClosesAt: at(opts.closesInHours),
      cancellationDeadline: at(opts.deadlineInHours),
    },
  })
}

let phoneCounter = 0
export const nextPhone = () => `139${String(10_000_000 + ++phoneCounter * 7919).slice(-8)}`

export const bookingBody = (session: number | string, overrides: Record<string, unknown> = {}) => ({
  session,
  parentName: '测试家长',
  phone: nextPhone(),
  childAgeBand: '6-12',
  street: '福田街道',
  community: '岗厦社区',
  attendees: 1,
  guardianConsent: true,
  idempotencyKey: crypto.randomUUID(),
  ...overrides,
})

/** Moves a session 400 days into the past, with its booking window and deadline: past any retention period. */
export async function moveSessionLongAgo(payload: Payload, id: number | string) {
  const longAgo = Date.now() - 400 * 24 * HOUR
  const at = (hours: number) => new Date(longAgo + hours * HOUR).toISOString()
  await payload.update({
    collection: 'course-sessions',
    id,
    data: {
      startsAt: at(0),
      endsAt: at(2),
      bookingOpensAt: at(-48),
      bookingClosesAt: at(0),
      cancellationDeadline: at(-24),
    },
  })
}
