/**
 * What SQLite enforces for bookings, beyond the tables Payload creates. Installed on every start (idempotent),
 * because schema pushes in development drop indexes Payload does not know about.
 *
 * - One active booking per phone per session: a partial unique index.
 * - Counts on the session always equal the seats its bookings hold: triggers recount inside the same statement
 *   that changes a booking, and repair any stale value written to the session row (e.g. by an admin save).
 * - A released seat goes to the waitlist in order, in the same statement that released it.
 * - Every booking event lands in the notifications outbox in the same statement, so none is lost.
 */

export const HOLDS_SEAT = `('confirmed', 'attended', 'no-show')`
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`

const seatsHeld = (session: string) =>
  `(SELECT COALESCE(SUM(attendees), 0) FROM bookings WHERE session_id = ${session} AND status IN ${HOLDS_SEAT})`
const seatsWaiting = (session: string) =>
  `(SELECT COALESCE(SUM(attendees), 0) FROM bookings WHERE session_id = ${session} AND status = 'waitlisted')`

const recount = (session: string) => `
  UPDATE course_sessions SET confirmed_count = ${seatsHeld(session)}, waitlisted_count = ${seatsWaiting(session)}
  WHERE id = ${session};`

/**
 * Confirms the longest prefix of the waitlist that fits the free seats of a scheduled session. The queue is in id
 * order: SQLite serialises inserts, so ids follow the order in which bookings were actually taken.
 */
export const promoteWaitlist = (session: string) => `
  UPDATE bookings SET status = 'confirmed', promoted_at = ${NOW}, updated_at = ${NOW}
  WHERE id IN (
    SELECT id FROM (
      SELECT id, SUM(attendees) OVER (ORDER BY id ROWS UNBOUNDED PRECEDING) AS upto
      FROM bookings WHERE session_id = ${session} AND status = 'waitlisted'
    )
    WHERE upto <= (SELECT s.capacity - ${seatsHeld('s.id')} FROM course_sessions s WHERE s.id = ${session} AND s.status = 'scheduled')
  );`

const notify = (booking: string, kind: string) =>
  `INSERT INTO notifications (booking_id, kind, status) VALUES (${booking}, ${kind}, 'pending');`

/** Triggers are dropped and created again on every start, so a changed definition replaces the old one. */
export const dropTriggers = (names: string[]) => names.map((name) => `DROP TRIGGER IF EXISTS ${name}`)

export const bookingDdl: string[] = [
  `CREATE UNIQUE INDEX IF NOT EXISTS fujia_bookings_one_active_per_phone
     ON bookings (session_id, phone) WHERE status IN ('confirmed', 'waitlisted')`,
  `CREATE INDEX IF NOT EXISTS fujia_bookings_queue ON bookings (session_id, status, id)`,
  `CREATE TRIGGER fujia_booking_inserted AFTER INSERT ON bookings BEGIN
     ${notify('NEW.id', 'NEW.status')}
     ${recount('NEW.session_id')}
   END`,
  `CREATE TRIGGER fujia_booking_status_changed AFTER UPDATE OF status, attendees, session_id ON bookings
   WHEN OLD.status IS NOT NEW.status OR OLD.attendees IS NOT NEW.attendees OR OLD.session_id IS NOT NEW.session_id BEGIN
     INSERT INTO notifications (booking_id, kind, status)
       SELECT NEW.id, CASE WHEN NEW.status = 'cancelled' THEN 'cancelled' ELSE 'promoted' END, 'pending'
       WHERE (NEW.status = 'cancelled' AND OLD.status IN ('confirmed', 'waitlisted'))
          OR (NEW.status = 'confirmed' AND OLD.status = 'waitlisted');
     ${recount('OLD.session_id')}
     ${recount('NEW.session_id')}
   END`,
  `CREATE TRIGGER fujia_seat_released AFTER UPDATE OF status ON bookings
   WHEN OLD.status = 'confirmed' AND NEW.status = 'cancelled' BEGIN
     ${promoteWaitlist('NEW.session_id')}
   END`,
  `CREATE TRIGGER fujia_booking_deleted AFTER DELETE ON bookings BEGIN
     ${recount('OLD.session_id')}
   END`,
  `CREATE TRIGGER fujia_session_capacity_changed AFTER UPDATE OF capacity, status ON course_sessions BEGIN
     ${promoteWaitlist('NEW.id')}
   END`,
  `CREATE TRIGGER fujia_session_counts_guard AFTER UPDATE OF confirmed_count, waitlisted_count ON course_sessions
   WHEN NEW.confirmed_count IS NOT ${seatsHeld('NEW.id')} OR NEW.waitlisted_count IS NOT ${seatsWaiting('NEW.id')} BEGIN
     ${recount('NEW.id')}
   END`,
]
