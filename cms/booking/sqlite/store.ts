import type { Client, InArgs, Row } from '@libsql/client'
import type { BookInput, DocId } from '../schemas.ts'
import type { BookingStatus, BookingStore, NotificationResult, StoredBooking } from '../store.ts'
import { bookingDdl, dropTriggers, HOLDS_SEAT } from './ddl.ts'

/** How long a write may keep finding the database locked before the request fails. */
const BUSY_DEADLINE_MS = 15_000
const MAX_ATTEMPTS = 5
/** A message left 'sending' by a process that died is tried again after this long. */
const RETRY_AFTER_MS = 5 * 60 * 1000

const toBooking = (row: Row | undefined): StoredBooking | null =>
  row
    ? {
        id: Number(row.id),
        code: String(row.code),
        status: String(row.status) as BookingStatus,
        sessionId: Number(row.session_id),
      }
    : null

const isBusy = (error: unknown) => /SQLITE_BUSY|database is locked/i.test(String((error as Error)?.message ?? error))
const uniqueViolation = (error: unknown) => {
  const match = /UNIQUE constraint failed: ([\w., ]+)/.exec(String((error as Error)?.message ?? ''))
  return match?.[1]
}

const RETURNING = 'RETURNING id, code, status, session_id'

/**
 * The SQLite store: each operation is a single SQL statement (or one write transaction), so SQLite's write lock
 * serialises them across processes; the triggers in ddl.ts keep counts, promotion and the outbox in step.
 */
export class SqliteBookingStore implements BookingStore {
  constructor(private readonly client: Client) {}

  private ready: Promise<unknown> | undefined

  /**
   * Runs database work on the store's own connection. SQLite's busy handler waits (up to 5 s) for another
   * process's write lock; the async retry covers what still escapes it. (A zero busy timeout with retries in
   * JavaScript was measured unsafe: libsql can hand back RETURNING rows of a statement whose commit then fails.)
   */
  private async retrying<T>(work: () => Promise<T>): Promise<T> {
    this.ready ??= this.client.executeMultiple('PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;')
    await this.ready
    const deadline = Date.now() + BUSY_DEADLINE_MS
    for (let attempt = 1; ; attempt++) {
      try {
        return await work()
      } catch (error) {
        if (!isBusy(error) || Date.now() > deadline) throw error
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(attempt, 10)))
      }
    }
  }

  private run(sql: string, args: InArgs = {}) {
    return this.retrying(() => this.client.execute({ sql, args }))
  }

  async install() {
    const tables = await this.run(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bookings'`)
    // Before the first schema migration there is nothing to attach to; openPayload installs again after migrating.
    if (!tables.rows.length) return
    const { rows } = await this.run(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'fujia_%'`)
    const statements = [...dropTriggers(rows.map((r) => String(r.name))), ...bookingDdl]
    await this.retrying(() => this.client.batch(statements, 'write'))
  }

  async book(input: BookInput, ctx: { code: string; now: Date; defaultPolicyVersion: string }) {
    const now = ctx.now.toISOString()
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
      now,
    }
    try {
      const { rows } = await this.run(
        `INSERT INTO bookings (session_id, code, status, parent_name, phone, email, child_age_band, street, community,
           attendees, guardian_consent_given, guardian_consent_at, guardian_consent_policy_version, idempotency_key,
           created_at, updated_at)
         SELECT s.id, :code,
           CASE WHEN held.seats + :attendees <= s.capacity AND waiting.seats = 0 THEN 'confirmed' ELSE 'waitlisted' END,
           :parentName, :phone, :email, :childAgeBand, :street, :community, :attendees, 1, :now,
           COALESCE((SELECT privacy_policy_version FROM site_settings LIMIT 1), :defaultPolicyVersion),
           :idempotencyKey, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         FROM course_sessions s
         JOIN courses c ON c.id = s.course_id AND c._status = 'published'
         CROSS JOIN (SELECT COALESCE(SUM(attendees), 0) AS seats FROM bookings
                     WHERE session_id = :session AND status IN ${HOLDS_SEAT}) held
         CROSS JOIN (SELECT COALESCE(SUM(attendees), 0) AS seats FROM bookings
                     WHERE session_id = :session AND status = 'waitlisted') waiting
         WHERE s.id = :session AND s.status = 'scheduled'
           AND s.booking_opens_at <= :now AND s.booking_closes_at > :now
           AND ((held.seats + :attendees <= s.capacity AND waiting.seats = 0)
                OR waiting.seats + :attendees <= s.waitlist_size)
         ${RETURNING}`,
        args,
      )
      const booking = toBooking(rows[0])
      return booking ? { kind: 'booked' as const, booking } : { kind: 'refused' as const }
    } catch (error) {
      if (!uniqueViolation(error)) throw error
      // Whichever unique index SQLite reports first, a replayed request is recognised by its key.
      const replay = toBooking(
        (
          await this.run(`SELECT id, code, status, session_id FROM bookings WHERE idempotency_key = :key`, {
            key: input.idempotencyKey,
          })
        ).rows[0],
      )
      if (replay) return { kind: 'replayed' as const, booking: replay }
      const active = toBooking(
        (
          await this.run(
            `SELECT id, code, status, session_id FROM bookings
           WHERE session_id = :session AND phone = :phone AND status IN ('confirmed', 'waitlisted')`,
            { session: input.session, phone: input.phone },
          )
        ).rows[0],
      )
      if (active) return { kind: 'phone-already-booked' as const, booking: active }
      throw error
    }
  }

  async waitlistPosition(bookingId: DocId) {
    const { rows } = await this.run(
      `SELECT COUNT(*) AS ahead FROM bookings w JOIN bookings b ON b.id = :id
       WHERE b.status = 'waitlisted' AND w.session_id = b.session_id AND w.status = 'waitlisted'
         AND w.id <= b.id`,
      { id: bookingId },
    )
    const ahead = Number(rows[0]?.ahead ?? 0)
    return ahead > 0 ? ahead : null
  }

  async cancelByParent(code: string, phone: string, now: Date) {
    const { rows } = await this.run(
      `UPDATE bookings SET status = 'cancelled', cancelled_at = :now, updated_at = :now
       WHERE code = :code AND phone = :phone
         AND (status = 'waitlisted' OR (status = 'confirmed' AND EXISTS (
               SELECT 1 FROM course_sessions s WHERE s.id = bookings.session_id AND s.cancellation_deadline > :now)))
       ${RETURNING}`,
      { code, phone, now: now.toISOString() },
    )
    return toBooking(rows[0])
  }

  async cancelByStaff(bookingId: DocId, reason: string, now: Date) {
    const { rows } = await this.run(
      `UPDATE bookings SET status = 'cancelled', cancel_reason = :reason, cancelled_at = :now, updated_at = :now
       WHERE id = :id AND status IN ('confirmed', 'waitlisted') ${RETURNING}`,
      { id: bookingId, reason, now: now.toISOString() },
    )
    return toBooking(rows[0])
  }

  async cancelSession(sessionId: DocId, reason: string, now: Date) {
    // One write transaction: the session is cancelled first, so the released seats promote nobody.
    const at = now.toISOString()
    const [, result] = await this.retrying(() =>
      this.client.batch(
        [
          {
            sql: `UPDATE course_sessions SET status = 'cancelled', cancel_reason = :reason, updated_at = :now
                  WHERE id = :id`,
            args: { id: sessionId, reason, now: at },
          },
          {
            sql: `UPDATE bookings SET status = 'cancelled', cancel_reason = :reason, cancelled_at = :now, updated_at = :now
                  WHERE session_id = :id AND status IN ('confirmed', 'waitlisted')`,
            args: { id: sessionId, reason, now: at },
          },
        ],
        'write',
      ),
    )
    return result?.rowsAffected ?? 0
  }

  async checkIn(sessionId: DocId, code: string, now: Date) {
    const { rows } = await this.run(
      `UPDATE bookings SET status = 'attended', checked_in_at = :now, updated_at = :now
       WHERE session_id = :session AND code = :code AND status IN ('confirmed', 'no-show') ${RETURNING}`,
      { session: sessionId, code, now: now.toISOString() },
    )
    return toBooking(rows[0])
  }

  async markNoShow(bookingId: DocId, now: Date) {
    const { rows } = await this.run(
      `UPDATE bookings SET status = 'no-show', updated_at = :now WHERE id = :id AND status = 'confirmed' ${RETURNING}`,
      { id: bookingId, now: now.toISOString() },
    )
    return toBooking(rows[0])
  }

  async promote(bookingId: DocId, now: Date) {
    const { rows } = await this.run(
      `UPDATE bookings SET status = 'confirmed', promoted_at = :now, updated_at = :now
       WHERE id = :id AND status = 'waitlisted' AND attendees <= (
         SELECT s.capacity - (SELECT COALESCE(SUM(b.attendees), 0) FROM bookings b
                              WHERE b.session_id = s.id AND b.status IN ${HOLDS_SEAT})
         FROM course_sessions s WHERE s.id = bookings.session_id AND s.status = 'scheduled')
       ${RETURNING}`,
      { id: bookingId, now: now.toISOString() },
    )
    return toBooking(rows[0])
  }

  async claimNotifications(limit: number, now: Date) {
    const { rows } = await this.run(
      `UPDATE notifications SET status = 'sending', attempts = attempts + 1, updated_at = :now
       WHERE id IN (
         SELECT id FROM notifications
         WHERE status = 'pending' OR (status IN ('failed', 'sending') AND attempts < :maxAttempts AND updated_at < :retryBefore)
         ORDER BY id LIMIT :limit)
       RETURNING id`,
      {
        now: now.toISOString(),
        retryBefore: new Date(now.getTime() - RETRY_AFTER_MS).toISOString(),
        limit,
        maxAttempts: MAX_ATTEMPTS,
      },
    )
    return rows.map((r) => Number(r.id))
  }

  async anonymiseBookings(endedBefore: Date, now: Date) {
    const at = now.toISOString()
    const [result] = await this.retrying(() =>
      this.client.batch(
        [
          {
            // The phone column keeps a per-row placeholder so the one-active-booking-per-phone index stays satisfied.
            sql: `UPDATE bookings SET parent_name = '（已删除）', phone = 'deleted-' || id, email = NULL, community = NULL,
                    anonymised_at = :now, updated_at = :now
                  WHERE anonymised_at IS NULL
                    AND session_id IN (SELECT id FROM course_sessions WHERE ends_at < :cutoff)`,
            args: { now: at, cutoff: endedBefore.toISOString() },
          },
          {
            sql: `UPDATE notifications SET message = NULL
                  WHERE message IS NOT NULL AND booking_id IN (SELECT id FROM bookings WHERE anonymised_at IS NOT NULL)`,
            args: {},
          },
        ],
        'write',
      ),
    )
    return result?.rowsAffected ?? 0
  }

  async hit(keys: { key: string; limit: number }[], windowSeconds: number, now: Date) {
    const windowMs = windowSeconds * 1000
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString()
    const { rows } = await this.run(
      `INSERT INTO rate_limits (key, window_start, count) VALUES ${keys.map((_, i) => `(:k${i}, :window, 1)`).join(', ')}
       ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1
       RETURNING key, count`,
      { window: windowStart, ...Object.fromEntries(keys.map((k, i) => [`k${i}`, k.key])) },
    )
    const counts = new Map(rows.map((r) => [String(r.key), Number(r.count)]))
    return keys.every((k) => (counts.get(k.key) ?? 0) <= k.limit)
  }

  async completeNotifications(results: NotificationResult[]) {
    if (!results.length) return
    const now = new Date().toISOString()
    await this.retrying(() =>
      this.client.batch(
        results.map((r) => ({
          sql: `UPDATE notifications SET status = :status, channel = :channel, message = :message, error = :error,
                  sent_at = CASE WHEN :status = 'sent' THEN :now ELSE sent_at END, updated_at = :now
                WHERE id = :id`,
          args: {
            id: r.id,
            status: r.status,
            channel: r.channel ?? null,
            message: r.message ?? null,
            error: r.error ?? null,
            now,
          },
        })),
        'write',
      ),
    )
  }
}
