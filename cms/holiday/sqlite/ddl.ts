import { SESSION_CANCELLED_REASON } from '../rules.ts'

/**
 * What SQLite enforces for holiday registrations beyond Payload's tables (installed on every start, idempotent):
 * - one active registration per child and session: a partial unique index;
 * - the session's counts equal its registrations: BEFORE triggers add and subtract in the changing statement;
 * - a released seat goes to the waitlist in id order (the order SQLite serialised the inserts), in the same
 *   statement that released it, and so does a raised capacity;
 * - a session cancelled by staff cancels its active registrations;
 * - one attendance row per registration and day.
 */

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`
const held = (row: string) => `(CASE WHEN ${row}.status = 'confirmed' THEN 1 ELSE 0 END)`
const waiting = (row: string) => `(CASE WHEN ${row}.status = 'waitlisted' THEN 1 ELSE 0 END)`

const count = (row: string, sign: '+' | '-') => `
  UPDATE holiday_sessions SET confirmed_count = COALESCE(confirmed_count, 0) ${sign} ${held(row)},
    waitlisted_count = COALESCE(waitlisted_count, 0) ${sign} ${waiting(row)}
  WHERE id = ${row}.session_id;`

const countOf = (session: string, status: string) =>
  `(SELECT COUNT(*) FROM holiday_registrations WHERE session_id = ${session} AND status = '${status}')`

const recount = (where: string) => `
  UPDATE holiday_sessions SET confirmed_count = ${countOf('holiday_sessions.id', 'confirmed')},
    waitlisted_count = ${countOf('holiday_sessions.id', 'waitlisted')}
  WHERE ${where}`

/** Confirms as many of the oldest waitlisted registrations as a scheduled session has free seats. */
const promote = (session: string) => `
  UPDATE holiday_registrations SET status = 'confirmed', promoted_at = ${NOW}, updated_at = ${NOW}
  WHERE id IN (
    SELECT id FROM holiday_registrations WHERE session_id = ${session} AND status = 'waitlisted' ORDER BY id
    LIMIT COALESCE((SELECT MAX(0, capacity - confirmed_count) FROM holiday_sessions
                    WHERE id = ${session} AND status = 'scheduled'), 0)
  );`

const CHANGED = `OLD.status IS NOT NEW.status OR OLD.session_id IS NOT NEW.session_id`

export const holidayDdl: string[] = [
  `CREATE UNIQUE INDEX IF NOT EXISTS fujia_holiday_one_per_child
     ON holiday_registrations (session_id, child_id) WHERE status IN ('confirmed', 'waitlisted')`,
  `CREATE INDEX IF NOT EXISTS fujia_holiday_child_wave ON holiday_registrations (child_id, wave_id, status)`,
  `CREATE INDEX IF NOT EXISTS fujia_holiday_queue ON holiday_registrations (session_id, status, id)`,
  `CREATE UNIQUE INDEX IF NOT EXISTS fujia_holiday_attendance_once ON holiday_attendance (registration_id, day)`,
  `CREATE TRIGGER fujia_holiday_counted BEFORE INSERT ON holiday_registrations BEGIN ${count('NEW', '+')} END`,
  `CREATE TRIGGER fujia_holiday_recounted BEFORE UPDATE OF status, session_id ON holiday_registrations
   WHEN ${CHANGED} BEGIN ${count('OLD', '-')} ${count('NEW', '+')} END`,
  `CREATE TRIGGER fujia_holiday_uncounted BEFORE DELETE ON holiday_registrations BEGIN ${count('OLD', '-')} END`,
  `CREATE TRIGGER fujia_holiday_seat_released AFTER UPDATE OF status ON holiday_registrations
   WHEN OLD.status = 'confirmed' AND NEW.status = 'cancelled' BEGIN ${promote('NEW.session_id')} END`,
  `CREATE TRIGGER fujia_holiday_capacity_changed AFTER UPDATE OF capacity, status ON holiday_sessions
   BEGIN ${promote('NEW.id')} END`,
  // Registrations end with their session; their households are told (cms/holiday/tellHouseholds.ts).
  `CREATE TRIGGER fujia_holiday_session_cancelled AFTER UPDATE OF status ON holiday_sessions
   WHEN NEW.status = 'cancelled' AND OLD.status IS NOT 'cancelled' BEGIN
     UPDATE holiday_registrations SET status = 'cancelled', cancelled_at = ${NOW},
       cancel_reason = '${SESSION_CANCELLED_REASON}', household_told_at = NULL, updated_at = ${NOW}
     WHERE session_id = NEW.id AND status IN ('confirmed', 'waitlisted');
   END`,
  // A Payload save writes back the counts its form loaded; the triggers above never touch updated_at.
  `CREATE TRIGGER fujia_holiday_counts_guard AFTER UPDATE OF confirmed_count, waitlisted_count ON holiday_sessions
   WHEN NEW.updated_at IS NOT OLD.updated_at BEGIN ${recount('id = NEW.id')}; END`,
  recount('1'),
]

export const holidayTriggerPrefix = 'fujia_holiday_'
