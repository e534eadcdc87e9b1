import type { SessionState } from './availability.ts'
import type { BookInput, DocId } from './schemas.ts'

export type BookingStatus = 'confirmed' | 'waitlisted' | 'cancelled' | 'attended' | 'no-show'

export type NotificationResult = {
  id: DocId
  status: 'sent' | 'failed'
  channel?: string
  message?: string | null
  error?: string
}

export type StoredBooking = { id: DocId; code: string; status: BookingStatus; sessionId: DocId }

/** Request budgets counted per key (client address, phone) in fixed windows shared by all processes. */
export type RateLimit = { keys: { key: string; limit: number }[]; windowSeconds: number }

export type BookContext = {
  code: string
  now: Date
  /** Recorded with the consent while site settings have never been saved. */
  defaultPolicyVersion: string
  /** Counted in the booking's own transaction; over the limit, nothing else is written. */
  rateLimit: RateLimit
}

export type BookOutcome =
  /** A new booking, or the same one again for a replayed idempotency key. */
  | { kind: 'booked' | 'replayed'; booking: StoredBooking }
  /** This phone already holds an active booking in this session (its code is not revealed). */
  | { kind: 'phone-already-booked'; booking: StoredBooking }
  /**
   * Nothing was written: the session is closed, full or cancelled (its state as the refusal saw it, to say why),
   * or unknown to the public (null: no such session, or its course is unpublished).
   */
  | { kind: 'refused'; session: SessionState | null }
  /** One of the rate limit's keys is over its budget. */
  | { kind: 'rate-limited' }

/**
 * The booking rules that must hold across several server processes on one database. Every method is one atomic
 * database operation: seat and waitlist limits, waitlist promotion, session counts and the notification outbox
 * are enforced by the database, never by a read in this process followed by a write.
 */
export interface BookingStore {
  /** Creates the database objects the store relies on (indexes, triggers); safe to run on every start. */
  install(): Promise<void>
  book(input: BookInput, ctx: BookContext): Promise<BookOutcome>
  /** 1-based place in the waitlist, or null when the booking is not waitlisted. */
  waitlistPosition(bookingId: DocId): Promise<number | null>
  /** Parent cancels with code + phone: confirmed until the session's deadline, waitlisted any time. */
  cancelByParent(code: string, phone: string, now: Date): Promise<StoredBooking | null>
  /** Staff cancel one booking (reason shown to the parent). */
  cancelByStaff(bookingId: DocId, reason: string, now: Date): Promise<StoredBooking | null>
  /** Staff cancel a session: it and all its active bookings, with the reason; nobody is promoted. */
  cancelSession(sessionId: DocId, reason: string, now: Date): Promise<number>
  checkIn(sessionId: DocId, code: string, now: Date): Promise<StoredBooking | null>
  markNoShow(bookingId: DocId, now: Date): Promise<StoredBooking | null>
  /** Staff confirm one waitlisted booking out of order, if its seats are free. */
  promote(bookingId: DocId, now: Date): Promise<StoredBooking | null>
  /**
   * Claims up to `limit` outbox notifications to send (pending ones, and failed or stuck ones due a retry) so
   * that no two processes send the same message.
   */
  claimNotifications(limit: number, now: Date): Promise<DocId[]>
  /** Removes parents' personal data from bookings of sessions that ended before `endedBefore`; returns how many. */
  anonymiseBookings(endedBefore: Date, now: Date): Promise<number>
  /** Records what happened to claimed notifications. */
  completeNotifications(results: NotificationResult[]): Promise<void>
  /** Deletes the counters of windows that started before `before`; returns how many. */
  forgetRateLimits(before: Date): Promise<number>
  /** Counts one request against each key in the current window; false once any key is over its limit. */
  hit(keys: RateLimit['keys'], windowSeconds: number, now: Date): Promise<boolean>
}
