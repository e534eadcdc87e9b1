import { type RateLimit, type RateLimitStore, windowStartOf, withinLimits } from '../stores/rateLimits.ts'
import type { SqliteConnection } from './connection.ts'

/**
 * Counts one request against each key in the current window; only inside the work of a write, so a booking counts
 * its hit in its own transaction.
 */
export function countHits(db: SqliteConnection, { keys, windowSeconds }: RateLimit, now: Date): boolean {
  const rows = db.all(
    `INSERT INTO rate_limits (key, window_start, count) VALUES ${keys.map((_, i) => `(:k${i}, :window, 1)`).join(', ')}
     ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1
     RETURNING key, count`,
    { window: windowStartOf(now, windowSeconds), ...Object.fromEntries(keys.map((k, i) => [`k${i}`, k.key])) },
  )
  return withinLimits(keys, new Map(rows.map((r) => [String(r.key), Number(r.count)])))
}

export class SqliteRateLimitStore implements RateLimitStore {
  constructor(private readonly db: SqliteConnection) {}

  hit(rateLimit: RateLimit, now: Date) {
    return this.db.write(() => countHits(this.db, rateLimit, now))
  }

  forget(before: Date) {
    return this.db.write(() =>
      this.db.run(`DELETE FROM rate_limits WHERE window_start < :before`, { before: before.toISOString() }),
    )
  }
}
