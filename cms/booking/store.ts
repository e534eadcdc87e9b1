import type { PayloadRequest } from 'payload'
import type { DocId } from './schemas.ts'
import type { OutboxStore } from './stores/outbox.ts'
import type { RateLimitStore } from './stores/rateLimits.ts'
import type { RetentionStore } from './stores/retention.ts'
import type { SeatStore } from './stores/seats.ts'

export type BookingStatus = 'confirmed' | 'waitlisted' | 'cancelled' | 'attended' | 'no-show'

/** The statuses whose attendees hold seats of the session. */
export const HOLDS_SEAT: BookingStatus[] = ['confirmed', 'attended', 'no-show']

export type StoredBooking = { id: DocId; code: string; status: BookingStatus; sessionId: DocId }

/** The Payload request a store operation runs for: on MongoDB the operation joins the request's transaction. */
export type Within = Pick<PayloadRequest, 'transactionID'>

/**
 * The booking rules that must hold across several server processes on one database, one store per concern, each
 * implemented for SQLite (sqlite/) and MongoDB (mongodb/). Every method is one atomic database operation: seat and
 * waitlist limits, waitlist promotion, session counts and the notification outbox are enforced by the database,
 * never by a read in this process followed by a write.
 */
export type BookingStores = {
  /** Creates the database objects the stores rely on (indexes, triggers); safe to run on every start. */
  install(): Promise<void>
  seats: SeatStore
  rateLimits: RateLimitStore
  outbox: OutboxStore
  retention: RetentionStore
}
