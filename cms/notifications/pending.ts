import type { Payload } from 'payload'
import { tellHouseholdsOfChanges } from '../holiday/tellHouseholds.ts'
import { processOutbox } from './outbox.ts'

/** Every message waiting for parents: the lecture bookings' outbox, then changes to holiday registrations (off the waitlist, session cancelled). */
export async function sendPendingMessages(payload: Payload): Promise<number> {
  const sent = await processOutbox(payload)
  return sent + (await tellHouseholdsOfChanges(payload))
}
