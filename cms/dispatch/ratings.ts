import { createHmac } from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import { z } from 'zod'
import { normaliseBookingCode } from '../../common/booking/code.ts'
import { bookingStore } from '../booking/index.ts'
import { type DocId, lookupInput, parseBody } from '../booking/schemas.ts'
import { limitKey } from '../booking/service.ts'
import { OrderError } from '../orders/errors.ts'
import type { CourseOrder, CourseSession } from '../payload-types.ts'
import { asDispatch, idOf, offerOf } from './offers.ts'

/** The course page shows the average from this many ratings on. */
export const MIN_RATINGS_SHOWN = 5

const score = z
  .number({ message: '请选择 1–5 分' })
  .int('请选择 1–5 分')
  .min(1, '请选择 1–5 分')
  .max(5, '请选择 1–5 分')
const comment = z.string('评价内容应为文字').trim().max(300, '评价最多 300 字').optional()
export const ratingInput = z.object({ score, comment }).strict()
export const parentRatingInput = lookupInput.extend({ score, comment }).strict()

/** The keyed hash that stands for a booking code in a parent's rating (the code itself may be anonymised later). */
export const bookingKey = (payload: Payload, code: string) =>
  createHmac('sha256', payload.secret)
    .update(`rating:${normaliseBookingCode(code)}`)
    .digest('base64url')

const alreadyRated = () => new OrderError('conflict', '您已评价过，感谢您的反馈')

async function createRating(payload: Payload, data: Record<string, unknown>) {
  try {
    return await payload.create({ collection: 'ratings', data: data as never, overrideAccess: true, depth: 0 })
  } catch (error) {
    const { totalDocs } = await payload.count({
      collection: 'ratings',
      where: { uniqueKey: { equals: data.uniqueKey } },
      overrideAccess: true,
    })
    if (totalDocs) throw alreadyRated()
    throw error
  }
}

/**
 * The requester's rating of their order's session (the tracking page's 评价, which then takes the `rate` step):
 * one per order, enforced by a unique key.
 */
export async function recordRequesterRating(
  payload: Payload,
  order: CourseOrder,
  scoreIn: unknown,
  commentIn?: unknown,
) {
  const input = parseBody(ratingInput, { score: scoreIn, ...(commentIn ? { comment: commentIn } : {}) })
  const d = asDispatch(order)
  return createRating(payload, {
    course: idOf(order.course),
    session: idOf(d.session) ?? null,
    lecturer: idOf(d.lecturer) ?? idOf(offerOf(order).lecturer) ?? null,
    order: order.id,
    source: 'requester',
    score: input.score,
    comment: input.comment || undefined,
    uniqueKey: `requester:${order.id}`,
  })
}

const notRateable = () =>
  new OrderError('order_not_found', '未找到可评价的参加记录。请核对报名码和手机号；课程结束并签到后才能评价。')

/** POST /api/ratings/parent {code, phone, score, comment}: a parent who was checked in rates the session, once. */
export async function recordParentRating(
  body: unknown,
  { payload, ip, now = new Date() }: { payload: Payload; ip: string; now?: Date },
) {
  const input = parseBody(parentRatingInput, body)
  const ok = await bookingStore(payload).rateLimits.hit(
    {
      keys: [
        { key: limitKey(payload, 'rate:ip', ip), limit: 30 },
        { key: limitKey(payload, 'rate:phone', input.phone), limit: 10 },
      ],
      windowSeconds: 600,
    },
    now,
  )
  if (!ok) throw new OrderError('rate_limited', '操作太频繁，请稍后再试')
  const { docs } = await payload.find({
    collection: 'bookings',
    where: {
      and: [{ code: { equals: input.code } }, { phone: { equals: input.phone } }, { status: { equals: 'attended' } }],
    },
    depth: 1,
    limit: 1,
    overrideAccess: true,
  })
  const booking = docs[0]
  const session = booking?.session as (CourseSession & { lecturer?: unknown; order?: unknown }) | undefined
  if (!booking || !session || new Date(session.startsAt) > now) throw notRateable()
  await createRating(payload, {
    course: idOf(session.course),
    session: session.id,
    lecturer: idOf(session.lecturer) ?? null,
    order: idOf(session.order) ?? null,
    source: 'parent',
    score: input.score,
    comment: input.comment || undefined,
    uniqueKey: `parent:${bookingKey(payload, input.code)}`,
  })
  return { ok: true, message: '感谢您的评价！' }
}

/** Recounts a course's ratings into its ratingCount and ratingAverage (one decimal). */
export async function refreshCourseRating(payload: Payload, course: DocId, req?: PayloadRequest) {
  const { docs } = await payload.find({
    collection: 'ratings',
    where: { course: { equals: course } },
    select: { score: true },
    depth: 0,
    limit: 100000,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const count = docs.length
  const average = count ? Math.round((docs.reduce((sum, r) => sum + (r.score ?? 0), 0) / count) * 10) / 10 : null
  await payload.update({
    collection: 'courses',
    id: course as number,
    data: { ratingCount: count, ratingAverage: average } as never,
    depth: 0,
    overrideAccess: true,
    req,
    context: { ratingRecount: true },
  })
}
