import type { Payload } from 'payload'
import { processOutbox } from './outbox.ts'

let inFlight = false

/**
 * Sends new messages right after the request that queued them, without making the parent wait. The scheduled
 * job picks up whatever this misses (e.g. a process that died): the outbox row is already committed.
 */
export function kickNotifier(payload: Payload): void {
  if (inFlight) return
  inFlight = true
  processOutbox(payload)
    .catch((error) => payload.logger.error({ err: error, msg: 'notification outbox failed' }))
    .finally(() => {
      inFlight = false
    })
}
