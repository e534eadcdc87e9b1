import { MAX_ATTEMPTS, type NotificationResult, type OutboxStore, retryBefore } from '../stores/outbox.ts'
import type { SqliteConnection } from './connection.ts'

/** The outbox rows themselves are inserted by the triggers in ddl.ts, in the statement that changes a booking. */
export class SqliteOutboxStore implements OutboxStore {
  constructor(private readonly db: SqliteConnection) {}

  async claim(limit: number, now: Date) {
    const rows = await this.db.write(() =>
      this.db.all(
        `UPDATE notifications SET status = 'sending', attempts = attempts + 1, updated_at = :now
         WHERE id IN (
           SELECT id FROM notifications
           WHERE status = 'pending' OR (status IN ('failed', 'sending') AND attempts < :maxAttempts AND updated_at < :retryBefore)
           ORDER BY id LIMIT :limit)
         RETURNING id`,
        {
          now: now.toISOString(),
          retryBefore: retryBefore(now).toISOString(),
          limit,
          maxAttempts: MAX_ATTEMPTS,
        },
      ),
    )
    return rows.map((r) => Number(r.id))
  }

  async complete(results: NotificationResult[], now: Date) {
    if (!results.length) return
    await this.db.write(() => {
      for (const r of results)
        this.db.run(
          `UPDATE notifications SET status = :status, channel = :channel, message = :message, error = :error,
             sent_at = CASE WHEN :status = 'sent' THEN :now ELSE sent_at END, updated_at = :now
           WHERE id = :id`,
          {
            id: r.id,
            status: r.status,
            channel: r.channel ?? null,
            message: r.message ?? null,
            error: r.error ?? null,
            now: now.toISOString(),
          },
        )
    })
  }
}
