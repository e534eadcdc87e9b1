/**
 * What SQLite enforces for bookings, beyond the tables Payload creates. Installed on every start (idempotent),
 * because schema pushes in development drop indexes Payload does not know about.
 *
 * - One active booking per phone per session: a partial unique index.
 * - Counts on the session always equal the seats its bookings hold: BEFORE triggers add and subtract each
 *   booking's seats in the same statement that changes it (O(1), so a booking costs the same in a full session
 *   as in an empty one), and an admin save that writes stale counts back gets them recounted.
 * - A released seat goes to the waitlist in order, in the same statement that released it. Promotion runs in
 *   AFTER triggers, which SQLite runs after every BEFORE trigger, so it sees the counts already updated.
 * - Every booking event lands in the notifications outbox in the same statement, so none is lost.
 */

import { HOLDS_SEAT as SEAT_HOLDERS } from '../store.ts'

const HOLDS_SEAT = `(${SEAT_HOLDERS.map((status) => `'${status}'`).join(', ')})`
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`

const heldBy = (row: string) => `(CASE WHEN ${row}.status IN ${HOLDS_SEAT} THEN ${row}.attendees ELSE 0 END)`
const waitingBy = (row: string) => `(CASE WHEN ${row}.status = 'waitlisted' THEN ${row}.attendees ELSE 0 END)`

/** Adds (sign +) or removes (sign -) one booking row's seats from its session's counts. */
const count = (row: string, sign: '+' | '-') => `
  UPDATE course_sessions SET confirmed_count = COALESCE(confirmed_count, 0) ${sign} ${heldBy(row)},
    waitlisted_count = COALESCE(waitlisted_count, 0) ${sign} ${waitingBy(row)}
  WHERE id = ${row}.session_id;`

const seatsOf = (session: string, statuses: string) =>
  `(SELECT COALESCE(SUM(attendees), 0) FROM bookings WHERE session_id = ${session} AND status IN ${statuses})`

/** Sets counts from the bookings themselves: on start, and after a write of stale counts. */
const recount = (where: string) => `
  UPDATE course_sessions SET confirmed_count = ${seatsOf('course_sessions.id', HOLDS_SEAT)},
    waitlisted_count = ${seatsOf('course_sessions.id', `('waitlisted')`)}
  WHERE ${where}`

/**
 * Confirms the longest prefix of the waitlist that fits the free seats of a scheduled session. The queue is in id
 * order: SQLite serialises inserts, so ids follow the order in which bookings were actually taken.
 */
const promoteWaitlist = (session: string) => `
  UPDATE bookings SET status = 'confirmed', promoted_at = ${NOW}, updated_at = ${NOW}
  WHERE id IN (
    SELECT id FROM (
      SELECT id, SUM(attendees) OVER (ORDER BY id ROWS UNBOUNDED PRECEDING) AS upto
      FROM bookings WHERE session_id = ${session} AND status = 'waitlisted'
    )
    WHERE upto <= (SELECT capacity - confirmed_count FROM course_sessions WHERE id = ${session} AND status = 'scheduled')
  );`

const notify = (booking: string, kind: string) =>
  `INSERT INTO notifications (booking_id, kind, status) VALUES (${booking}, ${kind}, 'pending');`

const SEATS_CHANGED = `OLD.status IS NOT NEW.status OR OLD.attendees IS NOT NEW.attendees OR OLD.session_id IS NOT NEW.session_id`

/** Triggers are dropped and created again on every start, so a changed definition replaces the old one. */
export const dropTriggers = (names: string[]) => names.map((name) => `DROP TRIGGER IF EXISTS ${name}`)

export const bookingDdl: string[] = [
  `CREATE UNIQUE INDEX IF NOT EXISTS fujia_bookings_one_active_per_phone
     ON bookings (session_id, phone) WHERE status IN ('confirmed', 'waitlisted')`,
  `CREATE INDEX IF NOT EXISTS fujia_bookings_queue ON bookings (session_id, status, id)`,
  `CREATE TRIGGER fujia_booking_counted BEFORE INSERT ON bookings BEGIN ${count('NEW', '+')} END`,
  `CREATE TRIGGER fujia_booking_recounted BEFORE UPDATE OF status, attendees, session_id ON bookings
   WHEN ${SEATS_CHANGED} BEGIN ${count('OLD', '-')} ${count('NEW', '+')} END`,
  `CREATE TRIGGER fujia_booking_uncounted BEFORE DELETE ON bookings BEGIN ${count('OLD', '-')} END`,
  `CREATE TRIGGER fujia_booking_inserted AFTER INSERT ON bookings BEGIN ${notify('NEW.id', 'NEW.status')} END`,
  `CREATE TRIGGER fujia_booking_status_changed AFTER UPDATE OF status ON bookings
   WHEN (NEW.status = 'cancelled' AND OLD.status IN ('confirmed', 'waitlisted'))
     OR (NEW.status = 'confirmed' AND OLD.status = 'waitlisted') BEGIN
     ${notify('NEW.id', `CASE WHEN NEW.status = 'cancelled' THEN 'cancelled' ELSE 'promoted' END`)}
   END`,
  `CREATE TRIGGER fujia_seat_released AFTER UPDATE OF status ON bookings
   WHEN OLD.status = 'confirmed' AND NEW.status = 'cancelled' BEGIN
     ${promoteWaitlist('NEW.session_id')}
   END`,
  `CREATE TRIGGER fujia_session_capacity_changed AFTER UPDATE OF capacity, status ON course_sessions BEGIN
     ${promoteWaitlist('NEW.id')}
   END`,
  // Payload writes every column on a save, counts included, as they were when the editor loaded the session; the
  // triggers above never touch updated_at, so a count write that changes it comes from a save and is redone.
  `CREATE TRIGGER fujia_session_counts_guard AFTER UPDATE OF confirmed_count, waitlisted_count ON course_sessions
   WHEN NEW.updated_at IS NOT OLD.updated_at BEGIN ${recount('id = NEW.id')}; END`,
  recount('1'),
]
