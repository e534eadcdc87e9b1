import type { BookingStores } from '../store.ts'
import { SqliteConnection } from './connection.ts'
import { SqliteOutboxStore } from './outbox.ts'
import { SqliteRateLimitStore } from './rateLimits.ts'
import { SqliteRetentionStore } from './retention.ts'
import { SqliteSeatStore } from './seats.ts'

/** The SQLite stores, all on one connection of their own, so a booking and its rate-limit hit share a transaction. */
export function sqliteStores(file: string): BookingStores {
  const db = new SqliteConnection(file)
  return {
    install: () => db.install(),
    seats: new SqliteSeatStore(db),
    rateLimits: new SqliteRateLimitStore(db),
    outbox: new SqliteOutboxStore(db),
    retention: new SqliteRetentionStore(db),
  }
}
