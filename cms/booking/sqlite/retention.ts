import { ANONYMISED_NAME, ANONYMISED_PHONE_PREFIX, type RetentionStore } from '../stores/retention.ts'
import type { SqliteConnection } from './connection.ts'

export class SqliteRetentionStore implements RetentionStore {
  constructor(private readonly db: SqliteConnection) {}

  anonymise(endedBefore: Date, now: Date) {
    const args = { now: now.toISOString(), cutoff: endedBefore.toISOString(), name: ANONYMISED_NAME }
    return this.db.write(() => {
      const changes = this.db.run(
        `UPDATE bookings SET parent_name = :name, phone = '${ANONYMISED_PHONE_PREFIX}' || id, email = NULL,
           community = NULL, anonymised_at = :now, updated_at = :now
         WHERE anonymised_at IS NULL AND session_id IN (SELECT id FROM course_sessions WHERE ends_at < :cutoff)`,
        args,
      )
      this.db.run(
        `UPDATE notifications SET message = NULL
         WHERE message IS NOT NULL AND booking_id IN (SELECT id FROM bookings WHERE anonymised_at IS NOT NULL)`,
      )
      return changes
    })
  }
}
