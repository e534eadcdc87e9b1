import type { SessionState } from '../availability.ts'
import type { BookInput, DocId } from '../schemas.ts'
import type { StoredBooking, Within } from '../store.ts'
import type { RateLimit } from './rateLimits.ts'

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
  /** Another booking already has the drawn code: nothing was written, the caller draws another. */
  | { kind: 'code-taken' }

/** Seats and waitlist of course sessions: who holds a seat, who waits, and in which order. */
export interface SeatStore {
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
   * Staff saved the session through Payload (the collection's afterChange hook calls this): the waitlist moves
   * into seats a raised capacity or waitlist freed, in order, and counts the save wrote from a stale form are
   * recounted from the bookings.
   */
  sessionSaved(sessionId: DocId, now: Date, within: Within): Promise<void>
}

/** What the holders of a new booking's unique keys say about why the database refused it. */
export type DuplicateHolders = {
  /** The booking made earlier with the same idempotency key. */
  replay: StoredBooking | null
  /** The phone's active booking in the same session. */
  active: StoredBooking | null
  codeTaken: boolean
}

/** A replayed key wins over the phone rule, which wins over a code collision; null when none explains it. */
export function duplicateOutcome({ replay, active, codeTaken }: DuplicateHolders): BookOutcome | null {
  if (replay) return { kind: 'replayed', booking: replay }
  if (active) return { kind: 'phone-already-booked', booking: active }
  if (codeTaken) return { kind: 'code-taken' }
  return null
}
