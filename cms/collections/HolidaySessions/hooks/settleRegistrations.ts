import type { CollectionAfterChangeHook } from 'payload'
import { holidayStore } from '../../../holiday/index.ts'
import { kickNotifier } from '../../../notifications/kick.ts'

/**
 * A staff save may raise the capacity (the waitlist moves up) or cancel the session (its registrations end), and
 * writes back stale counts: the store settles all three, and the households affected are told.
 */
export const settleRegistrations: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'update') {
    await holidayStore(req.payload).sessionSaved(doc.id, new Date(), req)
    kickNotifier(req.payload)
  }
  return doc
}
