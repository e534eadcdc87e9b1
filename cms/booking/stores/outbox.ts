import type { DocId } from '../schemas.ts'

export type NotificationResult = {
  id: DocId
  /** `logged`: written to the log only, because no gateway is configured; nothing reached the parent. */
  status: 'sent' | 'logged' | 'failed'
  channel?: string
  message?: string | null
  error?: string
}

/** Messages to parents, written by the seat stores in the same transaction as the booking event they announce. */
export interface OutboxStore {
  /**
   * Claims up to `limit` notifications to send (pending ones, and failed or stuck ones due a retry) so that no
   * two processes send the same message.
   */
  claim(limit: number, now: Date): Promise<DocId[]>
  /** Records what happened to claimed notifications. */
  complete(results: NotificationResult[], now: Date): Promise<void>
}

/** A message is given up after this many attempts. */
export const MAX_ATTEMPTS = 5
/** A message left 'sending' by a process that died (or failed) is tried again after this long. */
const RETRY_AFTER_MS = 5 * 60 * 1000

/** Failed or stuck claims last touched before this are due a retry. */
export const retryBefore = (now: Date) => new Date(now.getTime() - RETRY_AFTER_MS)
