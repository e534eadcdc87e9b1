import type { Endpoint, Payload, PayloadRequest } from 'payload'
import { bookingInScope, sessionInScope } from '../../../access/streetScope.ts'
import { BookingError } from '../../../booking/errors.ts'
import { readJson, respond } from '../../../booking/http.ts'
import { bookingStore } from '../../../booking/index.ts'
import { type DocId, parseBody } from '../../../booking/schemas.ts'
import {
  checkInInput,
  parseId,
  reasonInput,
  requireCoordinator,
  requireSessionDay,
  requireSessionStarted,
  statusLabels,
} from '../../../booking/staff.ts'
import type { StoredBooking } from '../../../booking/store.ts'
import { kickNotifier } from '../../../notifications/kick.ts'
import type { Booking } from '../../../payload-types.ts'

/** The statuses the seat store checks in from (a parent marked absent who turns up late is welcome). */
const checkInFrom: Booking['status'][] = ['confirmed', 'no-show']

const changed = (booking: StoredBooking | null, refusal: string) => {
  if (!booking) throw new BookingError('not_cancellable', refusal)
  return { body: booking }
}

/**
 * The answer a check-in gets from the booking as stored, when checking in would change nothing: it is already
 * checked in, cannot be checked in, or does not exist. Null when it can be checked in.
 */
async function storedCheckIn(payload: Payload, session: DocId, code: string) {
  const { docs } = await payload.find({
    collection: 'bookings',
    where: { and: [{ session: { equals: session } }, { code: { equals: code } }] },
    depth: 0,
    limit: 1,
  })
  const booking = docs[0]
  if (!booking) throw new BookingError('booking_not_found', '本场次没有这个报名码')
  if (booking.status === 'attended') return { body: { ...booking, alreadyCheckedIn: true } }
  if (!checkInFrom.includes(booking.status)) {
    throw new BookingError('not_cancellable', `该报名${statusLabels[booking.status]}，不能签到`)
  }
  return null
}

const bookingAction = (
  path: string,
  act: (req: PayloadRequest, id: ReturnType<typeof parseId>) => Promise<unknown>,
) => ({
  path: `/:id/${path}`,
  method: 'post' as const,
  handler: respond(async (req) => {
    requireCoordinator(req)
    const id = parseId(req.routeParams?.id, '报名')
    if (!(await bookingInScope(req, id))) throw new BookingError('forbidden', '该报名不属于您负责的街道')
    const result = (await act(req, id)) as { body: unknown }
    kickNotifier(req.payload)
    return result
  }),
})

/** Coordinator actions on bookings; each is one atomic store operation, so session counts stay right. */
export const staffBookingEndpoints: Endpoint[] = [
  {
    path: '/check-in',
    method: 'post',
    handler: respond(async (req) => {
      requireCoordinator(req)
      const { session, code, confirmOutsideSessionDay } = parseBody(checkInInput, await readJson(req))
      if (!(await sessionInScope(req, session))) throw new BookingError('forbidden', '该场次不属于您负责的街道')
      const now = new Date()
      // The code is checked first: a wrong code gets its own answer, not a warning about the day.
      const settled = await storedCheckIn(req.payload, session, code)
      if (settled) return settled
      if (!confirmOutsideSessionDay) await requireSessionDay(req.payload, session, now)
      const booking = await bookingStore(req.payload).seats.checkIn(session, code, now)
      if (booking) return { body: booking }
      // Another device checked the parent in (or staff cancelled) in between: answer from what is stored now.
      const after = await storedCheckIn(req.payload, session, code)
      if (after) return after
      throw new BookingError('not_cancellable', '签到没有成功，请再试一次')
    }),
  },
  bookingAction('staff-cancel', async (req, id) => {
    const { reason } = parseBody(reasonInput, await readJson(req))
    return changed(await bookingStore(req.payload).seats.cancelByStaff(id, reason, new Date()), '该报名已取消或已结束')
  }),
  bookingAction('no-show', async (req, id) => {
    const now = new Date()
    await requireSessionStarted(req.payload, id, now)
    return changed(await bookingStore(req.payload).seats.markNoShow(id, now), '只有“已确认”的报名可以标记为未到场')
  }),
  bookingAction('promote', async (req, id) =>
    changed(await bookingStore(req.payload).seats.promote(id, new Date()), '无法转正：不是候补状态，或剩余名额不足'),
  ),
]
