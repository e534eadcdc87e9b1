import { createHmac } from 'node:crypto'
import type { Payload } from 'payload'
import { DEFAULT_POLICY_VERSION } from '../globals/SiteSettings/index.ts'
import type { Booking, Course, CourseSession } from '../payload-types.ts'
import { type Availability, availabilityOf, refusalError } from './availability.ts'
import { calendarToken } from './calendarToken.ts'
import { generateBookingCode } from './code.ts'
import { BookingError, notFoundBooking } from './errors.ts'
import { bookingStore } from './index.ts'
import { type BookInput, bookInput, type DocId, type LookupInput, lookupInput, parseBody } from './schemas.ts'
import type { StoredBooking } from './store.ts'

/** Request budgets per client address and per phone number, shared by all server processes through the database. */
export const limits = {
  windowSeconds: 600,
  bookPerIp: 30,
  bookPerPhone: 6,
  lookupPerIp: 60,
} as const

/** Keys name a phone number or address only through a keyed hash, so the counters hold no personal data. */
export const limitKey = (payload: Payload, kind: string, value: string) =>
  `${kind}:${createHmac('sha256', payload.secret).update(value).digest('base64url').slice(0, 22)}`

type Ctx = { payload: Payload; ip: string; now?: Date }

const sessionNotFound = () => new BookingError('session_not_found', '未找到该场次，请返回课程页重新选择')
const phoneUnavailable = () =>
  new BookingError(
    'phone_unavailable',
    '该手机号不能再报名本场次。如已报名，请凭报名码在“我的报名”中查询；忘记报名码请联系主办方。',
  )
const idempotencyConflict = () =>
  new BookingError('idempotency_conflict', '这次提交与之前的提交不一致，请刷新页面后重新填写。')
const rateLimited = () => new BookingError('rate_limited', '操作太频繁，请稍后再试')

async function enforce(payload: Payload, keys: { key: string; limit: number }[], now: Date) {
  if (!(await bookingStore(payload).rateLimits.hit({ keys, windowSeconds: limits.windowSeconds }, now))) {
    throw rateLimited()
  }
}

/** A session as the public may see it; a session by invitation only with its link's token. */
async function loadSession(payload: Payload, id: DocId, invite?: string): Promise<CourseSession> {
  const session = await payload
    .findByID({ collection: 'course-sessions', id: id as number, depth: 0, overrideAccess: false, disableErrors: true })
    .catch(() => null)
  if (session) return session
  if (invite) {
    const { docs } = await payload
      .find({
        collection: 'course-sessions',
        where: {
          and: [
            { id: { equals: id } },
            { inviteToken: { equals: invite } },
            { 'course._status': { equals: 'published' } },
          ],
        },
        depth: 0,
        limit: 1,
        overrideAccess: true,
      })
      .catch(() => ({ docs: [] as CourseSession[] }))
    if (docs[0]) return docs[0]
  }
  throw sessionNotFound()
}

export async function sessionAvailability(
  payload: Payload,
  id: DocId,
  now = new Date(),
  invite?: string,
): Promise<Availability> {
  return availabilityOf(await loadSession(payload, id, invite), now)
}

export type BookResponse = {
  status: 201 | 200
  body: { code: string; status: string; waitlistPosition?: number; calendarToken: string }
}

/** POST /api/bookings/book */
export async function book(body: unknown, { payload, ip, now = new Date() }: Ctx): Promise<BookResponse> {
  const input: BookInput = parseBody(bookInput, body)
  const rateLimit = {
    keys: [
      { key: limitKey(payload, 'book:ip', ip), limit: limits.bookPerIp },
      { key: limitKey(payload, 'book:phone', input.phone), limit: limits.bookPerPhone },
    ],
    windowSeconds: limits.windowSeconds,
  }
  const { seats } = bookingStore(payload)

  for (let attempt = 0; attempt < 3; attempt++) {
    const outcome = await seats.book(input, {
      code: generateBookingCode(),
      now,
      defaultPolicyVersion: DEFAULT_POLICY_VERSION,
      rateLimit,
    })
    // A generated code can collide with an existing one (about 1 in 10^11): draw again.
    if (outcome.kind === 'code-taken') continue
    if (outcome.kind === 'rate-limited') throw rateLimited()
    if (outcome.kind === 'refused') {
      throw outcome.session ? refusalError(availabilityOf(outcome.session, now)) : sessionNotFound()
    }
    // Worded so that it does not confirm the number holds a booking here; the booking stays reachable by its code.
    if (outcome.kind === 'phone-already-booked') throw phoneUnavailable()
    if (outcome.kind === 'replayed' && !(await carriesSameRequest(payload, outcome.booking, input))) {
      throw idempotencyConflict()
    }
    return { status: outcome.kind === 'booked' ? 201 : 200, body: await confirmation(payload, outcome.booking) }
  }
  throw new Error('could not draw a unique booking code')
}

/**
 * An idempotency key is bound to the request it first carried: a replay with another session, phone or any other
 * answer gets nothing of the first booking (its code and calendar link would otherwise go to whoever reused the key).
 */
async function carriesSameRequest(payload: Payload, stored: StoredBooking, input: BookInput): Promise<boolean> {
  const booking = await payload.findByID({
    collection: 'bookings',
    id: stored.id as number,
    depth: 0,
    overrideAccess: true,
  })
  const asStored = (v: unknown) => (v === undefined || v === null || v === '' ? null : v)
  return (
    String(booking.session) === String(input.session) &&
    booking.phone === input.phone &&
    booking.parentName === input.parentName &&
    booking.childAgeBand === input.childAgeBand &&
    booking.street === input.street &&
    asStored(booking.community) === asStored(input.community) &&
    asStored(booking.email) === asStored(input.email) &&
    booking.attendees === input.attendees
  )
}

async function confirmation(payload: Payload, booking: StoredBooking) {
  const position =
    booking.status === 'waitlisted' ? await bookingStore(payload).seats.waitlistPosition(booking.id) : null
  return {
    code: booking.code,
    status: booking.status,
    ...(position ? { waitlistPosition: position } : {}),
    calendarToken: calendarToken(payload, booking.code),
  }
}

/** A booking as its parent sees it: no other person's data, the online link only once a seat is confirmed. */
export type BookingView = {
  code: string
  status: Booking['status']
  parentName: string
  attendees: number
  childAgeBand: string
  cancelReason?: string | null
  waitlistPosition?: number
  cancellable: boolean
  calendarToken: string
  session: {
    id: DocId
    status: CourseSession['status']
    startsAt: string
    endsAt: string
    cancellationDeadline?: string | null
    cancelReason?: string | null
    venue?: CourseSession['venue']
    onlineLink?: string | null
    course: { title: string; slug?: string | null; code: string }
  }
}

async function findOwnBooking(payload: Payload, { code, phone }: LookupInput): Promise<Booking> {
  const { docs } = await payload.find({
    collection: 'bookings',
    where: { and: [{ code: { equals: code } }, { phone: { equals: phone } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  // The same answer for a wrong code and a wrong phone: nothing tells whether a number has bookings.
  if (!docs[0]) throw notFoundBooking()
  return docs[0]
}

async function view(payload: Payload, booking: Booking, now: Date): Promise<BookingView> {
  const session = await payload.findByID({
    collection: 'course-sessions',
    id: booking.session as number,
    depth: 1,
    overrideAccess: true,
  })
  const course = session.course as Course
  const position =
    booking.status === 'waitlisted' ? await bookingStore(payload).seats.waitlistPosition(booking.id) : null
  const beforeDeadline = !session.cancellationDeadline || Date.parse(session.cancellationDeadline) > now.getTime()
  return {
    code: booking.code,
    status: booking.status,
    parentName: booking.parentName,
    attendees: booking.attendees,
    childAgeBand: booking.childAgeBand,
    cancelReason: booking.cancelReason,
    ...(position ? { waitlistPosition: position } : {}),
    cancellable: booking.status === 'waitlisted' || (booking.status === 'confirmed' && beforeDeadline),
    calendarToken: calendarToken(payload, booking.code),
    session: {
      id: session.id,
      status: session.status,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      cancellationDeadline: session.cancellationDeadline,
      cancelReason: session.cancelReason,
      venue: session.venue,
      onlineLink: booking.status === 'confirmed' ? session.onlineLink : undefined,
      course: { title: course.title, slug: course.slug, code: course.code },
    },
  }
}

/** POST /api/bookings/lookup */
export async function lookup(body: unknown, { payload, ip, now = new Date() }: Ctx): Promise<BookingView> {
  const input = parseBody(lookupInput, body)
  await enforce(payload, [{ key: limitKey(payload, 'lookup:ip', ip), limit: limits.lookupPerIp }], now)
  return view(payload, await findOwnBooking(payload, input), now)
}

/** POST /api/bookings/cancel: repeating it answers with the cancelled booking again. */
export async function cancel(body: unknown, { payload, ip, now = new Date() }: Ctx): Promise<BookingView> {
  const input = parseBody(lookupInput, body)
  await enforce(payload, [{ key: limitKey(payload, 'lookup:ip', ip), limit: limits.lookupPerIp }], now)
  const cancelled = await bookingStore(payload).seats.cancelByParent(input.code, input.phone, now)
  const booking = await findOwnBooking(payload, input)
  if (!cancelled && booking.status !== 'cancelled') {
    if (booking.status === 'confirmed') {
      throw new BookingError('deadline_passed', '已过取消截止时间，如需取消请联系主办方')
    }
    throw new BookingError('not_cancellable', '该报名已签到或已结束，无法取消')
  }
  return view(payload, booking, now)
}
