import type { Endpoint, PayloadRequest } from 'payload'
import { BookingError } from '../../../booking/errors.ts'
import { readJson, respond } from '../../../booking/http.ts'
import { bookingStore } from '../../../booking/index.ts'
import { parseBody } from '../../../booking/schemas.ts'
import { checkInInput, parseId, reasonInput, requireCoordinator, statusLabels } from '../../../booking/staff.ts'
import type { StoredBooking } from '../../../booking/store.ts'
import { kickNotifier } from '../../../notifications/kick.ts'

const changed = (booking: StoredBooking | null, refusal: string) => {
  if (!booking) throw new BookingError('not_cancellable', refusal)
  return { body: booking }
}

const bookingAction = (
  path: string,
  act: (req: PayloadRequest, id: ReturnType<typeof parseId>) => Promise<unknown>,
) => ({
  path: `/:id/${path}`,
  method: 'post' as const,
  handler: respond(async (req) => {
    requireCoordinator(req)
    const result = (await act(req, parseId(req.routeParams?.id, '报名'))) as { body: unknown }
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
      const { session, code } = parseBody(checkInInput, await readJson(req))
      const booking = await bookingStore(req.payload).seats.checkIn(session, code, new Date())
      if (booking) return { body: booking }
      const { docs } = await req.payload.find({
        collection: 'bookings',
        where: { and: [{ session: { equals: session } }, { code: { equals: code } }] },
        depth: 0,
        limit: 1,
      })
      if (docs[0]?.status === 'attended') return { body: { ...docs[0], alreadyCheckedIn: true } }
      if (docs[0]) throw new BookingError('not_cancellable', `该报名${statusLabels[docs[0].status]}，不能签到`)
      throw new BookingError('booking_not_found', '本场次没有这个报名码')
    }),
  },
  bookingAction('staff-cancel', async (req, id) => {
    const { reason } = parseBody(reasonInput, await readJson(req))
    return changed(await bookingStore(req.payload).seats.cancelByStaff(id, reason, new Date()), '该报名已取消或已结束')
  }),
  bookingAction('no-show', async (req, id) =>
    changed(await bookingStore(req.payload).seats.markNoShow(id, new Date()), '只有“已确认”的报名可以标记为未到场'),
  ),
  bookingAction('promote', async (req, id) =>
    changed(await bookingStore(req.payload).seats.promote(id, new Date()), '无法转正：不是候补状态，或剩余名额不足'),
  ),
]
