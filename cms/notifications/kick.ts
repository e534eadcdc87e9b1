import type { Payload } from 'payload'
import { sendPendingMessages } from './pending.ts'

const DEBOUNCE_MS = 250
let timer: NodeJS.Timeout | undefined
let inFlight = false

/**
 * Sends new messages shortly after the request that queued them, without making the parent wait; a burst of
 * bookings is sent as a batch. The scheduled job picks up whatever this misses (e.g. a process that died): the
 * outbox row is already committed.
 */
export function kickNotifier(payload: Payload): void {
  if (timer) return
  timer = setTimeout(() => {
    timer = undefined
    if (inFlight) return kickNotifier(payload)
    inFlight = true
    sendPendingMessages(payload)
      .catch((error) => payload.logger.error({ err: error, msg: 'notification outbox failed' }))
      .finally(() => {
        inFlight = false
      })
  }, DEBOUNCE_MS)
  timer.unref()
}
