import type { CollectionAfterChangeHook } from 'payload'
import { bookingStore } from '../../../booking/index.ts'

/**
 * A staff save may raise the capacity or the waitlist (the queue moves up) and writes back the counts its form
 * loaded (they may be stale by now): the seat store settles both, within the save's own transaction.
 */
export const settleBookings: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'update') await bookingStore(req.payload).seats.sessionSaved(doc.id, new Date(), req)
  return doc
}
