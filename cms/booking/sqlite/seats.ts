import type { SessionState } from '../availability.ts'
import type { BookInput, DocId } from '../schemas.ts'
import type { BookingStatus, StoredBooking } from '../store.ts'
import { type BookContext, type BookOutcome, duplicateOutcome, type SeatStore } from '../stores/seats.ts'
import type { Row, SqliteConnection } from './connection.ts'
import { countHits } from './rateLimits.ts'

const toBooking = (row: Row | undefined): StoredBooking | null =>
  row
    ? {
        id: Number(row.id),
        code: String(row.code),
        status: String(row.status) as BookingStatus,
        sessionId: Number(row.session_id),
      }
    : null

const toSessionState = (row: Row | undefined): SessionState | null =>
  row
    ? {
        status: row.status as SessionState['status'],
        capacity: Number(row.capacity),
        waitlistSize: Number(row.waitlist_size),
        confirmedCount: Number(row.confirmed_count),
        waitlistedCount: Number(row.waitlisted_count),
        startsAt: String(row.starts_at),
        bookingOpensAt: row.booking_opens_at as string | null,
        bookingClosesAt: row.booking_closes_at as string | null,
        cancelReason: row.cancel_reason as string | null,
      }
    : null

const uniqueViolation = (error: unknown) => (error as { code?: string })?.code === 'SQLITE_CONSTRAINT_UNIQUE'

const BOOKING = 'id, code, status, session_id'
const RETURNING = `RETURNING ${BOOKING}`

/**
 * Seats on SQLite. Each method is one statement (or a few) in one write; the triggers in ddl.ts keep the session's
 * counts, promote the waitlist into released seats and fill the outbox, in the statement that changes a booking.
 */
export class SqliteSeatStore implements SeatStore {
  constructor(private readonly db: SqliteConnection) {}

  async book(input: BookInput, ctx: BookContext): Promise<BookOutcome> {
    const args = {
      session: input.session,
      code: ctx.code,
      parentName: input.parentName,
      phone: input.phone,
      childAgeBand: input.childAgeBand,
      street: input.street,
      community: input.community ?? null,
      email: input.email ?? null,
      attendees: input.attendees,
      defaultPolicyVersion: ctx.defaultPolicyVersion,
      idempotencyKey: input.idempotencyKey,
      invite: input.invite ?? null,
      now: ctx.now.toISOString(),
    }
    return this.db.write((): BookOutcome => {
      if (!countHits(this.db, ctx.rateLimit, ctx.now)) return { kind: 'rate-limited' }
      try {
        const booking = toBooking(this.db.all(INSERT_BOOKING, args)[0])
        if (booking) return { kind: 'booked', booking }
        return { kind: 'refused', session: toSessionState(this.db.all(PUBLIC_SESSION, args)[0]) }
      } catch (error) {
        if (!uniqueViolation(error)) throw error
        const outcome = duplicateOutcome({
          replay: toBooking(
            this.db.all(`SELECT ${BOOKING} FROM bookings WHERE idempotency_key = :idempotencyKey`, args)[0],
          ),
          active: toBooking(
            this.db.all(
              `SELECT ${BOOKING} FROM bookings
               WHERE session_id = :session AND phone = :phone AND status IN ('confirmed', 'waitlisted')`,
              args,
            )[0],
          ),
          codeTaken: this.db.all(`SELECT 1 FROM bookings WHERE code = :code`, args).length > 0,
        })
        if (outcome) return outcome
        throw error
      }
    })
  }

  async waitlistPosition(bookingId: DocId) {
    const [row] = await this.db.read(() =>
      this.db.all(
        `SELECT COUNT(*) AS ahead FROM bookings w JOIN bookings b ON b.id = :id
         WHERE b.status = 'waitlisted' AND w.session_id = b.session_id AND w.status = 'waitlisted'
           AND w.id <= b.id`,
        { id: bookingId },
      ),
    )
    const ahead = Number(row?.ahead ?? 0)
    return ahead > 0 ? ahead : null
  }

  /** One booking-changing UPDATE … RETURNING in its own write; null when no row qualified. */
  private changeOne(sql: string, args: Row) {
    return this.db.write(() => toBooking(this.db.all(`${sql} ${RETURNING}`, args)[0]))
  }

  cancelByParent(code: string, phone: string, now: Date) {
    return this.changeOne(
      `UPDATE bookings SET status = 'cancelled', cancelled_at = :now, updated_at = :now
       WHERE code = :code AND phone = :phone
         AND (status = 'waitlisted' OR (status = 'confirmed' AND EXISTS (
               SELECT 1 FROM course_sessions s WHERE s.id = bookings.session_id AND s.cancellation_deadline > :now)))`,
      { code, phone, now: now.toISOString() },
    )
  }

  cancelByStaff(bookingId: DocId, reason: string, now: Date) {
    return this.changeOne(
      `UPDATE bookings SET status = 'cancelled', cancel_reason = :reason, cancelled_at = :now, updated_at = :now
       WHERE id = :id AND status IN ('confirmed', 'waitlisted')`,
      { id: bookingId, reason, now: now.toISOString() },
    )
  }

  cancelSession(sessionId: DocId, reason: string, now: Date) {
    const args = { id: sessionId, reason, now: now.toISOString() }
    // The session is cancelled first, so the released seats promote nobody.
    return this.db.write(() => {
      this.db.run(
        `UPDATE course_sessions SET status = 'cancelled', cancel_reason = :reason, updated_at = :now WHERE id = :id`,
        args,
      )
      return this.db.run(
        `UPDATE bookings SET status = 'cancelled', cancel_reason = :reason, cancelled_at = :now, updated_at = :now
         WHERE session_id = :id AND status IN ('confirmed', 'waitlisted')`,
        args,
      )
    })
  }

  checkIn(sessionId: DocId, code: string, now: Date) {
    return this.changeOne(
      `UPDATE bookings SET status = 'attended', checked_in_at = :now, updated_at = :now
       WHERE session_id = :session AND code = :code AND status IN ('confirmed', 'no-show')`,
      { session: sessionId, code, now: now.toISOString() },
    )
  }

  markNoShow(bookingId: DocId, now: Date) {
    return this.changeOne(
      `UPDATE bookings SET status = 'no-show', updated_at = :now WHERE id = :id AND status = 'confirmed'`,
      { id: bookingId, now: now.toISOString() },
    )
  }

  promote(bookingId: DocId, now: Date) {
    return this.changeOne(
      `UPDATE bookings SET status = 'confirmed', promoted_at = :now, updated_at = :now
       WHERE id = :id AND status = 'waitlisted' AND attendees <= (
         SELECT capacity - confirmed_count FROM course_sessions WHERE id = bookings.session_id AND status = 'scheduled')`,
      { id: bookingId, now: now.toISOString() },
    )
  }

  /**
   * Nothing left to do: the save's own UPDATE fired fujia_session_capacity_changed (promotion) and
   * fujia_session_counts_guard (recount) in ddl.ts, under the same lock.
   */
  async sessionSaved() {}
}

/** A session by invitation takes bookings only through its link's token; to anyone else it does not exist. */
const INVITED = `(COALESCE(s.visibility, 'public') <> 'invitation' OR s.invite_token = :invite)`

/**
 * One statement decides and writes: confirmed while seats are free and nobody waits, waitlisted while the
 * waitlist has room, nothing otherwise (closed, cancelled, unknown or unpublished). The session's counts are
 * trigger-maintained, so the check is O(1) however full the session is.
 */
const INSERT_BOOKING = `
  INSERT INTO bookings (session_id, code, status, parent_name, phone, email, child_age_band, street, community,
    attendees, guardian_consent_given, guardian_consent_at, guardian_consent_policy_version, idempotency_key,
    created_at, updated_at)
  SELECT s.id, :code,
    CASE WHEN s.confirmed_count + :attendees <= s.capacity AND s.waitlisted_count = 0 THEN 'confirmed' ELSE 'waitlisted' END,
    :parentName, :phone, :email, :childAgeBand, :street, :community, :attendees, 1, :now,
    COALESCE((SELECT privacy_policy_version FROM site_settings LIMIT 1), :defaultPolicyVersion),
    :idempotencyKey, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM course_sessions s
  JOIN courses c ON c.id = s.course_id AND c._status = 'published'
  WHERE s.id = :session AND s.status = 'scheduled' AND ${INVITED}
    AND s.booking_opens_at <= :now AND s.booking_closes_at > :now
    AND ((s.confirmed_count + :attendees <= s.capacity AND s.waitlisted_count = 0)
         OR s.waitlisted_count + :attendees <= s.waitlist_size)
  ${RETURNING}`

/** A session as the public may see it: only while its course is published (as Payload's read access has it). */
const PUBLIC_SESSION = `
  SELECT s.status, s.capacity, s.waitlist_size, s.confirmed_count, s.waitlisted_count, s.starts_at,
    s.booking_opens_at, s.booking_closes_at, s.cancel_reason
  FROM course_sessions s JOIN courses c ON c.id = s.course_id AND c._status = 'published'
  WHERE s.id = :session AND ${INVITED}`
