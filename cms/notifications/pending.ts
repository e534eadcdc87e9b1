import type { Payload } from 'payload'
import { tellPromotedHouseholds } from '../holiday/tellPromoted.ts'
import { processOutbox } from './outbox.ts'

/** Every message waiting for parents: the lecture bookings' outbox, then holiday children moved off the waitlist. */
export async function sendPendingMessages(payload: Payload): Promise<number> {
  const sent = await processOutbox(payload)
  return sent + (await tellPromotedHouseholds(payload))
}
