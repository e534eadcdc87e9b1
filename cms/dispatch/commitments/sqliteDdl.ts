/**
 * What SQLite enforces for lecturer commitments, beyond the table Payload creates; installed on every start
 * (idempotent). The names start with `dispatch_`: the booking store drops and recreates its own `fujia_` triggers.
 *
 * A trigger refuses an active commitment that overlaps another active one of the same lecturer, whether inserted or
 * made active by an update. SQLite runs it under the write lock that serialises all processes, so the check and the
 * write are one atomic step.
 */
const overlapping = (id: string) => `EXISTS (
  SELECT 1 FROM lecturer_commitments c
  WHERE c.lecturer_id = NEW.lecturer_id AND c.status = 'active' AND c.id IS NOT ${id}
    AND c.starts_at < NEW.ends_at AND NEW.starts_at < c.ends_at)`

export const commitmentDdl: string[] = [
  // One session per order, whichever process creates it.
  `CREATE UNIQUE INDEX IF NOT EXISTS dispatch_one_session_per_order ON course_sessions (order_id)
     WHERE order_id IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS dispatch_commitments_active ON lecturer_commitments (lecturer_id, status, starts_at)`,
  `DROP TRIGGER IF EXISTS dispatch_commitment_no_overlap`,
  `CREATE TRIGGER dispatch_commitment_no_overlap BEFORE INSERT ON lecturer_commitments
   WHEN NEW.status = 'active' AND ${overlapping('NULL')} BEGIN
     SELECT RAISE(ABORT, 'lecturer_overlap');
   END`,
  `DROP TRIGGER IF EXISTS dispatch_commitment_no_overlap_update`,
  `CREATE TRIGGER dispatch_commitment_no_overlap_update
   BEFORE UPDATE OF status, starts_at, ends_at, lecturer_id ON lecturer_commitments
   WHEN NEW.status = 'active' AND ${overlapping('NEW.id')} BEGIN
     SELECT RAISE(ABORT, 'lecturer_overlap');
   END`,
]
