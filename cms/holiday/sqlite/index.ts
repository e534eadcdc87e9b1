import type { DocId } from '../../booking/schemas.ts'
import { type Row, SqliteConnection } from '../../booking/sqlite/connection.ts'
import { SqliteRateLimitStore } from '../../booking/sqlite/rateLimits.ts'
import type {
  AttendanceWrite,
  ChangeToTell,
  ChildRow,
  HolidayStore,
  RegisterOutcome,
  RegisterWrite,
  RegistrationStatus,
  SessionRow,
  StoredRegistration,
} from '../stores/registrations.ts'
import { holidayDdl, holidayTriggerPrefix } from './ddl.ts'

const REGISTRATION = 'id, code, status, session_id, child_id'

const toRegistration = (row: Row | undefined): StoredRegistration | null =>
  row
    ? {
        id: Number(row.id),
        code: String(row.code),
        status: String(row.status) as RegistrationStatus,
        sessionId: Number(row.session_id),
        childId: row.child_id === null ? null : Number(row.child_id),
      }
    : null

const toSession = (row: Row): SessionRow => ({
  id: Number(row.id),
  waveId: Number(row.wave_id),
  status: String(row.status),
  capacity: Number(row.capacity),
  waitlistSize: Number(row.waitlist_size ?? 0),
  confirmedCount: Number(row.confirmed_count ?? 0),
  waitlistedCount: Number(row.waitlisted_count ?? 0),
  opensAt: String(row.opens_at),
  closesAt: (row.closes_at as string | null) ?? null,
  perChildCap: Number(row.per_child_cap),
  gradeFrom: (row.grade_from as string | null) ?? null,
  gradeTo: (row.grade_to as string | null) ?? null,
  cancellationDeadline: (row.cancellation_deadline as string | null) ?? null,
})

const uniqueViolation = (error: unknown) => (error as { code?: string })?.code === 'SQLITE_CONSTRAINT_UNIQUE'
const ids = (list: DocId[]) => JSON.stringify(list.map(Number).filter(Number.isSafeInteger))

/** Public sessions with their wave's opening, closing and cap (only while the programme is published). */
const PUBLIC_SESSIONS = `
  SELECT s.id, s.wave_id, s.status, s.capacity, s.waitlist_size, s.confirmed_count, s.waitlisted_count,
    s.grade_from, s.grade_to, s.cancellation_deadline, w.opens_at, w.closes_at, w.per_child_cap
  FROM holiday_sessions s
  JOIN holiday_waves w ON w.id = s.wave_id
  JOIN holiday_programmes p ON p.id = s.programme_id AND p._status = 'published'`

/**
 * One statement decides and writes (under the write lock all processes share): a seat while seats are free and
 * nobody waits, a waitlist place while the waitlist has room, nothing when the wave is not open, the session not
 * scheduled, the programme unpublished, the child not the household's, or the child at the wave's cap. The
 * partial unique index refuses a second active registration of the child in the session.
 */
const INSERT_REGISTRATION = `
  INSERT INTO holiday_registrations (session_id, wave_id, household_id, child_id, code, status, idempotency_key,
    created_at, updated_at)
  SELECT s.id, s.wave_id, c.household_id, c.id, :code,
    CASE WHEN s.confirmed_count < s.capacity AND s.waitlisted_count = 0 THEN 'confirmed' ELSE 'waitlisted' END,
    :key, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM holiday_sessions s
  JOIN holiday_waves w ON w.id = s.wave_id
  JOIN holiday_programmes p ON p.id = s.programme_id AND p._status = 'published'
  JOIN children c ON c.id = :child AND c.household_id = :household
  WHERE s.id = :session AND s.status = 'scheduled'
    AND w.opens_at <= :now AND (w.closes_at IS NULL OR w.closes_at > :now)
    AND ((s.confirmed_count < s.capacity AND s.waitlisted_count = 0) OR s.waitlisted_count < s.waitlist_size)
    AND (SELECT COUNT(*) FROM holiday_registrations r
         WHERE r.child_id = c.id AND r.wave_id = s.wave_id AND r.status IN ('confirmed', 'waitlisted')) < w.per_child_cap
  RETURNING ${REGISTRATION}`

/** Holiday registrations on SQLite, on a connection of their own (group-committed writes, see the booking store). */
export class SqliteHolidayStore implements HolidayStore {
  readonly rateLimits: SqliteRateLimitStore
  constructor(private readonly db: SqliteConnection) {
    this.rateLimits = new SqliteRateLimitStore(db)
  }

  install() {
    return this.db.write(() => {
      if (!this.db.all(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'holiday_registrations'`).length)
        return
      const triggers = this.db.all(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE :prefix`, {
        prefix: `${holidayTriggerPrefix}%`,
      })
      for (const { name } of triggers) this.db.run(`DROP TRIGGER IF EXISTS ${String(name)}`)
      for (const statement of holidayDdl) this.db.run(statement)
    })
  }

  async sessions(list: DocId[]) {
    const rows = await this.db.read(() =>
      this.db.all(`${PUBLIC_SESSIONS} WHERE s.id IN (SELECT value FROM json_each(:ids))`, { ids: ids(list) }),
    )
    return rows.map(toSession)
  }

  async sessionsOfWave(waveId: DocId) {
    const rows = await this.db.read(() =>
      this.db.all(`${PUBLIC_SESSIONS} WHERE s.wave_id = :wave ORDER BY s.code`, { wave: Number(waveId) || 0 }),
    )
    return rows.map(toSession)
  }

  async children(householdId: DocId, list: DocId[]): Promise<ChildRow[]> {
    const rows = await this.db.read(() =>
      this.db.all(
        `SELECT id, name, grade FROM children WHERE household_id = :household
           AND id IN (SELECT value FROM json_each(:ids))`,
        { household: Number(householdId), ids: ids(list) },
      ),
    )
    return rows.map((r) => ({ id: Number(r.id), name: String(r.name), grade: String(r.grade) }))
  }

  register(w: RegisterWrite): Promise<RegisterOutcome> {
    const args = {
      session: Number(w.session),
      child: Number(w.child),
      household: Number(w.household),
      code: w.code,
      key: w.idempotencyKey,
      now: w.now.toISOString(),
    }
    return this.db.write((): RegisterOutcome => {
      let violated = false
      try {
        const registration = toRegistration(this.db.all(INSERT_REGISTRATION, args)[0])
        if (registration) return { kind: 'registered', registration }
      } catch (error) {
        if (!uniqueViolation(error)) throw error
        violated = true
      }
      // A replay is answered as the first time, even once the session has filled up since.
      const replay = toRegistration(
        this.db.all(`SELECT ${REGISTRATION} FROM holiday_registrations WHERE idempotency_key = :key`, args)[0],
      )
      if (replay) return { kind: 'replayed', registration: replay }
      if (violated && this.db.all(`SELECT 1 FROM holiday_registrations WHERE code = :code`, args).length)
        return { kind: 'code-taken' }
      return this.whyRefused(args)
    })
  }

  /** Inside the write that was refused: the child's own registration, then the cap, then the session's state. */
  private whyRefused(args: { session: number; child: number; household: number }): RegisterOutcome {
    const childKnown =
      this.db.all(`SELECT 1 FROM children WHERE id = :child AND household_id = :household`, args).length > 0
    const [row] = this.db.all(`${PUBLIC_SESSIONS} WHERE s.id = :session`, args)
    const session = row ? toSession(row) : null
    if (childKnown && session) {
      const active = toRegistration(
        this.db.all(
          `SELECT ${REGISTRATION} FROM holiday_registrations
           WHERE session_id = :session AND child_id = :child AND status IN ('confirmed', 'waitlisted')`,
          args,
        )[0],
      )
      if (active) return { kind: 'already-registered', registration: active }
      const [held] = this.db.all(
        `SELECT COUNT(*) AS n FROM holiday_registrations
         WHERE child_id = :child AND wave_id = :wave AND status IN ('confirmed', 'waitlisted')`,
        { ...args, wave: session.waveId },
      )
      if (Number(held?.n) >= session.perChildCap) return { kind: 'cap-reached', cap: session.perChildCap }
    }
    return { kind: 'refused', session, childKnown }
  }

  async waitlistPosition(registrationId: DocId) {
    const [row] = await this.db.read(() =>
      this.db.all(
        `SELECT COUNT(*) AS ahead FROM holiday_registrations w JOIN holiday_registrations r ON r.id = :id
         WHERE r.status = 'waitlisted' AND w.session_id = r.session_id AND w.status = 'waitlisted' AND w.id <= r.id`,
        { id: Number(registrationId) },
      ),
    )
    const ahead = Number(row?.ahead ?? 0)
    return ahead > 0 ? ahead : null
  }

  cancelByHousehold(code: string, householdId: DocId, now: Date) {
    const args = { code, household: Number(householdId), now: now.toISOString() }
    return this.db.write(() =>
      toRegistration(
        this.db.all(
          `UPDATE holiday_registrations SET status = 'cancelled', cancelled_at = :now, updated_at = :now
           WHERE code = :code AND household_id = :household
             AND (status = 'waitlisted' OR (status = 'confirmed' AND EXISTS (
               SELECT 1 FROM holiday_sessions s WHERE s.id = holiday_registrations.session_id
                 AND (s.cancellation_deadline IS NULL OR s.cancellation_deadline > :now))))
           RETURNING ${REGISTRATION}`,
          args,
        )[0],
      ),
    )
  }

  /** The save's own UPDATE fired the capacity, cancellation and counts-guard triggers (ddl.ts) under the same lock. */
  async sessionSaved() {}

  async mark(w: AttendanceWrite) {
    const byCode = 'code' in w
    const args = {
      session: Number(w.session),
      day: w.day,
      status: w.status,
      now: w.now.toISOString(),
      by: w.by === null ? null : Number(w.by),
      registration: byCode ? null : Number(w.registration),
      code: byCode ? w.code : null,
    }
    const [row] = await this.db.write(() =>
      this.db.all(
        `INSERT INTO holiday_attendance (registration_id, session_id, day, status, at, by_id, created_at, updated_at)
         SELECT r.id, r.session_id, :day, :status, :now, :by, :now, :now FROM holiday_registrations r
         WHERE r.session_id = :session AND r.status = 'confirmed'
           AND ${byCode ? 'r.code = :code' : 'r.id = :registration'}
           AND EXISTS (SELECT 1 FROM holiday_sessions_days d WHERE d._parent_id = r.session_id AND d.date = :day)
         ON CONFLICT (registration_id, day) DO UPDATE SET status = excluded.status, at = excluded.at,
           by_id = excluded.by_id, updated_at = excluded.updated_at
         RETURNING registration_id`,
        args,
      ),
    )
    return row ? { registrationId: Number(row.registration_id) } : null
  }

  async unmark(registrationId: DocId, day: string) {
    const changes = await this.db.write(() =>
      this.db.run(`DELETE FROM holiday_attendance WHERE registration_id = :id AND day = :day`, {
        id: Number(registrationId),
        day,
      }),
    )
    return changes > 0
  }

  async visits(sessionId: DocId) {
    const rows = await this.db.read(() =>
      this.db.all(
        `SELECT day, SUM(status = 'present') AS present, SUM(status = 'absent') AS absent
         FROM holiday_attendance WHERE session_id = :session GROUP BY day ORDER BY day`,
        { session: Number(sessionId) },
      ),
    )
    return rows.map((r) => ({ day: String(r.day), present: Number(r.present), absent: Number(r.absent) }))
  }

  async claimChangesToTell(limit: number, now: Date) {
    const rows = await this.db.write(() =>
      this.db.all(
        `UPDATE holiday_registrations SET household_told_at = :now
         WHERE id IN (
           SELECT id FROM holiday_registrations
           WHERE household_told_at IS NULL AND household_id IS NOT NULL
             AND ((status = 'confirmed' AND promoted_at IS NOT NULL) OR (status = 'cancelled' AND cancel_reason IS NOT NULL))
           ORDER BY id LIMIT :limit)
         RETURNING id, status, code, session_id, household_id`,
        { now: now.toISOString(), limit },
      ),
    )
    return rows.map(
      (r): ChangeToTell => ({
        id: Number(r.id),
        kind: r.status === 'cancelled' ? 'cancelled' : 'promoted',
        code: String(r.code),
        sessionId: Number(r.session_id),
        householdId: Number(r.household_id),
      }),
    )
  }

  async releaseChange(registrationId: DocId) {
    await this.db.write(() =>
      this.db.run(`UPDATE holiday_registrations SET household_told_at = NULL WHERE id = :id`, {
        id: Number(registrationId),
      }),
    )
  }

  anonymise(endedBefore: Date, now: Date) {
    return this.db.write(() =>
      this.db.run(
        `UPDATE holiday_registrations SET child_id = NULL, household_id = NULL, anonymised_at = :now, updated_at = :now
         WHERE anonymised_at IS NULL AND session_id IN (SELECT id FROM holiday_sessions WHERE ends_at < :cutoff)`,
        { now: now.toISOString(), cutoff: endedBefore.toISOString() },
      ),
    )
  }
}

export const sqliteHolidayStore = (file: string) => new SqliteHolidayStore(new SqliteConnection(file))
