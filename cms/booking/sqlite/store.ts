import Database from 'libsql'
import { isSqliteBusy } from '../../lib/sqliteBusy.ts'
import type { SessionState } from '../availability.ts'
import type { BookInput, DocId } from '../schemas.ts'
import type {
  BookContext,
  BookingStatus,
  BookingStore,
  BookOutcome,
  NotificationResult,
  RateLimit,
  StoredBooking,
} from '../store.ts'
import { bookingDdl, dropTriggers } from './ddl.ts'

/** How long an operation may keep finding the database locked by another process before it fails. */
const BUSY_DEADLINE_MS = 15_000
const MAX_ATTEMPTS = 5
/** A message left 'sending' by a process that died is tried again after this long. */
const RETRY_AFTER_MS = 5 * 60 * 1000

type Row = Record<string, unknown>
type Statement = ReturnType<Database.Database['prepare']>

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

const uniqueViolation = (error: unknown) => /UNIQUE constraint failed/.test(String((error as Error)?.message ?? ''))

const RETURNING = 'RETURNING id, code, status, session_id'

/** At most this many writes share one commit, so a large queue still answers in steps. */
const MAX_GROUP = 64

type QueuedWrite = { work: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }

/**
 * The SQLite store, on its own synchronous connection with prepared statements kept for reuse.
 *
 * Writes are group-committed: the writes a process receives while it is busy or waiting for the lock are run in one
 * `BEGIN IMMEDIATE … COMMIT`, each inside its own savepoint, so each is still all-or-nothing and a failing one leaves
 * the others alone. BEGIN IMMEDIATE takes SQLite's write lock up front, so every rule is checked and applied under
 * the lock that serialises all processes; the triggers in ddl.ts keep counts, promotion and the outbox in step.
 * One commit writes each touched page once for the whole group, instead of once per booking.
 *
 * The busy timeout is zero: a process that finds the lock taken waits asynchronously and tries again, instead of
 * SQLite's busy handler sleeping on (and stalling) the event loop. Nothing is returned to a caller before COMMIT
 * has succeeded, so an acknowledged booking is a committed one.
 */
export class SqliteBookingStore implements BookingStore {
  private readonly db: Database.Database
  private readonly statements = new Map<string, Statement>()
  /** Writes waiting for the next group commit, and whether one is under way. */
  private queue: QueuedWrite[] = []
  private flushing = false

  constructor(file: string) {
    this.db = new Database(file)
    this.db.exec('PRAGMA busy_timeout = 0; PRAGMA synchronous = NORMAL;')
  }

  private sql(text: string): Statement {
    let statement = this.statements.get(text)
    if (!statement) {
      statement = this.db.prepare(text)
      this.statements.set(text, statement)
    }
    return statement
  }

  private all(text: string, args: Row = {}): Row[] {
    return this.sql(text).all(args) as Row[]
  }

  private async retrying<T>(work: () => T): Promise<T> {
    const deadline = Date.now() + BUSY_DEADLINE_MS
    for (let attempt = 1; ; attempt++) {
      try {
        return work()
      } catch (error) {
        if (!isSqliteBusy(error) || Date.now() > deadline) throw error
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(attempt, 8)))
      }
    }
  }

  private read<T>(work: () => T): Promise<T> {
    return this.retrying(work)
  }

  private write<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
      if (this.flushing) return
      this.flushing = true
      setImmediate(() => void this.flush())
    })
  }

  private async flush() {
    while (this.queue.length) {
      const group = this.queue.splice(0, MAX_GROUP)
      try {
        const outcomes = await this.retrying(() => this.commitGroup(group))
        outcomes.forEach((outcome, i) => {
          const { resolve, reject } = group[i] as QueuedWrite
          if (outcome.ok) resolve(outcome.value)
          else reject(outcome.error)
        })
      } catch (error) {
        for (const { reject } of group) reject(error)
      }
    }
    this.flushing = false
  }

  private commitGroup(group: QueuedWrite[]) {
    this.db.exec('BEGIN IMMEDIATE')
    try {
      const outcomes = group.map(({ work }) => {
        this.db.exec('SAVEPOINT one_write')
        try {
          const value = work()
          this.db.exec('RELEASE one_write')
          return { ok: true as const, value }
        } catch (error) {
          this.db.exec('ROLLBACK TO one_write; RELEASE one_write')
          if (isSqliteBusy(error)) throw error // not expected under the write lock; the whole group is tried again
          return { ok: false as const, error }
        }
      })
      this.db.exec('COMMIT')
      return outcomes
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK')
      throw error
    }
  }

  async install() {
    await this.write(() => {
      // Before the first schema migration there is nothing to attach to; openPayload installs again after migrating.
      if (!this.all(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bookings'`).length) return
      const triggers = this.all(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'fujia_%'`)
      for (const statement of [...dropTriggers(triggers.map((r) => String(r.name))), ...bookingDdl])
        this.db.exec(statement)
    })
  }

  /** Counts one request against each key in the current window; call inside a write. */
  private countHits({ keys, windowSeconds }: RateLimit, now: Date): boolean {
    const windowMs = windowSeconds * 1000
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString()
    const rows = this.all(
      `INSERT INTO rate_limits (key, window_start, count) VALUES ${keys.map((_, i) => `(:k${i}, :window, 1)`).join(', ')}
       ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1
       RETURNING key, count`,
      { window: windowStart, ...Object.fromEntries(keys.map((k, i) => [`k${i}`, k.key])) },
    )
    const counts = new Map(rows.map((r) => [String(r.key), Number(r.count)]))
    return keys.every((k) => (counts.get(k.key) ?? 0) <= k.limit)
  }

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
      now: ctx.now.toISOString(),
    }
    return this.write(() => {
      if (!this.countHits(ctx.rateLimit, ctx.now)) return { kind: 'rate-limited' as const }
      try {
        const booking = toBooking(this.all(INSERT_BOOKING, args)[0])
        if (booking) return { kind: 'booked' as const, booking }
        return { kind: 'refused' as const, session: toSessionState(this.all(PUBLIC_SESSION, args)[0]) }
      } catch (error) {
        if (!uniqueViolation(error)) throw error
        // Whichever unique index SQLite reports first, a replayed request is recognised by its key.
        const replay = toBooking(
          this.all(`SELECT id, code, status, session_id FROM bookings WHERE idempotency_key = :key`, {
            key: input.idempotencyKey,
          })[0],
        )
        if (replay) return { kind: 'replayed' as const, booking: replay }
        const active = toBooking(
          this.all(
            `SELECT id, code, status, session_id FROM bookings
             WHERE session_id = :session AND phone = :phone AND status IN ('confirmed', 'waitlisted')`,
            { session: input.session, phone: input.phone },
          )[0],
        )
        if (active) return { kind: 'phone-already-booked' as const, booking: active }
        throw error // the drawn code is taken: the caller draws another
      }
    })
  }

  async waitlistPosition(bookingId: DocId) {
    const [row] = await this.read(() =>
      this.all(
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
    return this.write(() => toBooking(this.all(`${sql} ${RETURNING}`, args)[0]))
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
    return this.write(() => {
      this.sql(
        `UPDATE course_sessions SET status = 'cancelled', cancel_reason = :reason, updated_at = :now WHERE id = :id`,
      ).run(args)
      return this.sql(
        `UPDATE bookings SET status = 'cancelled', cancel_reason = :reason, cancelled_at = :now, updated_at = :now
         WHERE session_id = :id AND status IN ('confirmed', 'waitlisted')`,
      ).run(args).changes
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

  async claimNotifications(limit: number, now: Date) {
    const rows = await this.write(() =>
      this.all(
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
      ),
    )
    return rows.map((r) => Number(r.id))
  }

  anonymiseBookings(endedBefore: Date, now: Date) {
    const args = { now: now.toISOString(), cutoff: endedBefore.toISOString() }
    return this.write(() => {
      // The phone column keeps a per-row placeholder so the one-active-booking-per-phone index stays satisfied.
      const { changes } = this.sql(
        `UPDATE bookings SET parent_name = '（已删除）', phone = 'deleted-' || id, email = NULL, community = NULL,
           anonymised_at = :now, updated_at = :now
         WHERE anonymised_at IS NULL AND session_id IN (SELECT id FROM course_sessions WHERE ends_at < :cutoff)`,
      ).run(args)
      this.sql(
        `UPDATE notifications SET message = NULL
         WHERE message IS NOT NULL AND booking_id IN (SELECT id FROM bookings WHERE anonymised_at IS NOT NULL)`,
      ).run({})
      return changes
    })
  }

  forgetRateLimits(before: Date) {
    return this.write(
      () =>
        this.sql(`DELETE FROM rate_limits WHERE window_start < :before`).run({ before: before.toISOString() }).changes,
    )
  }

  hit(keys: RateLimit['keys'], windowSeconds: number, now: Date) {
    return this.write(() => this.countHits({ keys, windowSeconds }, now))
  }

  async completeNotifications(results: NotificationResult[]) {
    if (!results.length) return
    const now = new Date().toISOString()
    await this.write(() => {
      for (const r of results)
        this.sql(
          `UPDATE notifications SET status = :status, channel = :channel, message = :message, error = :error,
             sent_at = CASE WHEN :status = 'sent' THEN :now ELSE sent_at END, updated_at = :now
           WHERE id = :id`,
        ).run({
          id: r.id,
          status: r.status,
          channel: r.channel ?? null,
          message: r.message ?? null,
          error: r.error ?? null,
          now,
        })
    })
  }
}

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
  WHERE s.id = :session AND s.status = 'scheduled'
    AND s.booking_opens_at <= :now AND s.booking_closes_at > :now
    AND ((s.confirmed_count + :attendees <= s.capacity AND s.waitlisted_count = 0)
         OR s.waitlisted_count + :attendees <= s.waitlist_size)
  ${RETURNING}`

/** A session as the public may see it: only while its course is published (as Payload's read access has it). */
const PUBLIC_SESSION = `
  SELECT s.status, s.capacity, s.waitlist_size, s.confirmed_count, s.waitlisted_count, s.starts_at,
    s.booking_opens_at, s.booking_closes_at, s.cancel_reason
  FROM course_sessions s JOIN courses c ON c.id = s.course_id AND c._status = 'published'
  WHERE s.id = :session`
