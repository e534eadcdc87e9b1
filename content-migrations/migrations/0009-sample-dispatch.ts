import type { Payload } from 'payload'
import { commitmentStore } from '../../cms/dispatch/commitments/index.ts'
import { shanghai, shanghaiInstant, shanghaiMonth } from '../../cms/dispatch/matching.ts'
import { idOf, type Offer, offerOf } from '../../cms/dispatch/offers.ts'
import { createSessionForOrder } from '../../cms/dispatch/sessions.ts'
import type { Course, CourseOrder, Lecturer } from '../../cms/payload-types.ts'
import type { ContentMigration } from '../types.ts'

const HOUR = 60 * 60 * 1000

/** Weekly teaching times, taken in turn by the sample lecturers. */
const SLOT_SETS = [
  [
    { weekday: '6', from: '09:00', to: '12:00' },
    { weekday: '3', from: '19:00', to: '21:00' },
  ],
  [
    { weekday: '6', from: '09:00', to: '17:00' },
    { weekday: '7', from: '09:00', to: '12:00' },
  ],
  [
    { weekday: '2', from: '14:00', to: '17:00' },
    { weekday: '4', from: '14:00', to: '17:00' },
    { weekday: '6', from: '09:00', to: '12:00' },
  ],
]

const PARENT_COMMENTS = ['很实用，回家就试了', '老师讲得生动，孩子也听得进去', '', '希望多办几场', '时间再长一点就好了']

async function all<T>(payload: Payload, collection: 'lecturers' | 'course-orders' | 'courses'): Promise<T[]> {
  const { docs } = await payload.find({ collection, limit: 0, pagination: false, depth: 0, overrideAccess: true })
  return docs as unknown as T[]
}

/** A Saturday-morning time on the first day of the order's first window that falls on a Saturday (or its first day). */
function proposedTime(order: CourseOrder, shift: number) {
  const first = order.windows?.[0]
  const from = first ? new Date(first.from) : new Date()
  let day = shanghai(from).day
  for (let i = 0; i < 7; i++) {
    const candidate = shanghai(new Date(from.getTime() + i * 24 * HOUR))
    if (candidate.weekday === 6) {
      day = candidate.day
      break
    }
  }
  const start = shanghaiInstant(day, `0${9 + (shift % 2)}:30`.slice(-5))
  return { startsAt: start, endsAt: new Date(start.getTime() + 90 * 60 * 1000) }
}

export const sampleDispatch: ContentMigration = {
  name: '0009-sample-dispatch',
  sample: true,
  description:
    '示例讲师的可授课时间与每月上限；示例点单的讲师邀请（一个待答复、一个已过期）、已排期点单的场次，以及示例评价',
  async up({ payload, dryRun, now }) {
    const lecturers = await all<Lecturer & { weeklySlots?: unknown[] | null }>(payload, 'lecturers')
    const orders = await all<CourseOrder>(payload, 'course-orders')
    if (dryRun) return `将为 ${lecturers.length} 位讲师设置可授课时间，为 ${orders.length} 个点单补充派单信息`
    if ((await payload.count({ collection: 'ratings', where: { uniqueKey: { like: 'sample-' } } })).totalDocs > 0) {
      return '已有示例派单数据'
    }

    for (const [i, l] of lecturers.entries()) {
      if (l.weeklySlots?.length) continue
      await payload.update({
        collection: 'lecturers',
        id: l.id,
        overrideAccess: true,
        data: {
          weeklySlots: SLOT_SETS[i % SLOT_SETS.length],
          monthlyCap: 4 + (i % 3),
          contactEmail: `lecturer-${l.code.toLowerCase()}@example.cn`,
          contactPhone: `1380000${String(1000 + i)}`,
        } as never,
      })
    }

    const courses = new Map((await all<Course>(payload, 'courses')).map((c) => [String(c.id), c]))
    const lecturerOf = (order: CourseOrder) => {
      const ids = (courses.get(String(idOf(order.course)))?.lecturers ?? []).map(idOf)
      return ids[(order.id.valueOf() as number) % Math.max(ids.length, 1)] ?? ids[0]
    }
    let sessions = 0
    let offers = 0
    let pendingDone: boolean = false
    let expiredDone: boolean = false
    for (const [i, order] of orders.entries()) {
      const lecturer = lecturerOf(order)
      if (!lecturer || offerOf(order).status) continue
      const at = proposedTime(order, i)
      const month = shanghaiMonth(at.startsAt)
      const placed = ['awaiting_confirmation', 'scheduled', 'held', 'closed'].includes(order.state)
      const pending: boolean = order.state === 'scheduling' && !pendingDone
      const expired: boolean = order.state === 'scheduling' && pendingDone && !expiredDone
      if (!placed && !pending && !expired) continue
      const held = expired
        ? undefined
        : await commitmentStore(payload).hold({
            lecturer,
            ...at,
            kind: 'offer',
            order: order.id,
            cap: null,
            monthStart: month.start,
            monthEnd: month.end,
            now,
          })
      if (held && !held.ok) continue
      const sentAt = new Date(now.getTime() - (expired ? 60 : 6) * HOUR)
      const offer: Offer = {
        lecturer,
        status: placed ? 'accepted' : pending ? 'pending' : 'expired',
        startsAt: at.startsAt.toISOString(),
        endsAt: at.endsAt.toISOString(),
        sentAt: sentAt.toISOString(),
        expiresAt: new Date(sentAt.getTime() + 48 * HOUR).toISOString(),
        place: order.venueAddress ?? '线上',
        nonce: `sample-offer-nonce-${order.id}`,
        commitment: held?.ok ? held.id : null,
      }
      await payload.update({
        collection: 'course-orders',
        id: order.id,
        overrideAccess: true,
        data: {
          offer,
          ...(placed ? { lecturer } : {}),
          visibility: i % 2 ? 'public' : 'invitation',
        } as never,
        context: { orderTransition: 'sample' },
      })
      offers++
      pendingDone ||= pending
      expiredDone ||= expired
      if (['scheduled', 'held', 'closed'].includes(order.state)) {
        if (await createSessionForOrder(payload, order.id, now)) sessions++
      }
    }

    // Ratings: requesters of closed orders, and parents of one course (enough for its average to show).
    let ratings = 0
    for (const order of orders.filter((o) => o.state === 'closed')) {
      const fresh = await payload.findByID({
        collection: 'course-orders',
        id: order.id,
        depth: 0,
        overrideAccess: true,
      })
      await payload.create({
        collection: 'ratings',
        overrideAccess: true,
        data: {
          course: idOf(order.course),
          order: order.id,
          session: idOf((fresh as { session?: unknown }).session) ?? null,
          lecturer: idOf((fresh as { lecturer?: unknown }).lecturer) ?? null,
          source: 'requester',
          score: 5,
          comment: '孩子们很投入，家长反馈很好（示例）',
          uniqueKey: `sample-requester-${order.id}`,
        } as never,
      })
      ratings++
    }
    const rated = [...courses.values()].find((c) => c.code === 'FJ-002') ?? [...courses.values()][0]
    if (rated) {
      for (const [k, comment] of PARENT_COMMENTS.entries()) {
        await payload.create({
          collection: 'ratings',
          overrideAccess: true,
          data: {
            course: rated.id,
            lecturer: idOf(rated.lecturers?.[0]) ?? null,
            source: 'parent',
            score: [5, 4, 5, 5, 4][k],
            comment: comment ? `${comment}（示例）` : undefined,
            uniqueKey: `sample-parent-${k}`,
          } as never,
        })
        ratings++
      }
    }
    return `${lecturers.length} 位讲师的可授课时间、${offers} 个讲师邀请、${sessions} 个点单场次、${ratings} 条评价`
  },
}
