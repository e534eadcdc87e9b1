import { SqliteConnection } from '../../booking/sqlite/connection.ts'
import { countHits } from '../../booking/sqlite/rateLimits.ts'
import type { RateLimit } from '../../booking/stores/rateLimits.ts'
import { type Attempt, SendRefused, type VerificationStore } from '../store.ts'

/**
 * Codes in the `verification_codes` table (the hidden VerificationCodes collection makes it, unique on
 * phone_key); send counts in the shared `rate_limits` table. Every method runs in one write of the group commit
 * (BEGIN IMMEDIATE), so checks and updates happen under the lock that serialises all processes.
 */
export class SqliteVerificationStore implements VerificationStore {
  constructor(private readonly db: SqliteConnection) {}

  async countSend(limits: RateLimit[], now: Date) {
    try {
      return await this.db.write(() => {
        // A refusal throws, and the write's savepoint undoes the counts of the windows before it.
        for (const limit of limits) if (!countHits(this.db, limit, now)) throw new SendRefused()
        return true
      })
    } catch (error) {
      if (error instanceof SendRefused) return false
      throw error
    }
  }

  async save(phoneKey: string, codeHash: string, expiresAt: Date) {
    await this.db.write(() =>
      this.db.run(
        `INSERT INTO verification_codes (phone_key, code_hash, expires_at, attempts) VALUES (:phoneKey, :codeHash, :expiresAt, 0)
         ON CONFLICT (phone_key) DO UPDATE SET code_hash = excluded.code_hash, expires_at = excluded.expires_at, attempts = 0`,
        { phoneKey, codeHash, expiresAt: expiresAt.toISOString() },
      ),
    )
  }

  attempt(phoneKey: string, now: Date, maxAttempts: number): Promise<Attempt> {
    return this.db.write((): Attempt => {
      const [live] = this.db.all(
        `UPDATE verification_codes SET attempts = attempts + 1
         WHERE phone_key = :phoneKey AND expires_at > :now AND attempts < :max
         RETURNING code_hash, attempts`,
        { phoneKey, now: now.toISOString(), max: maxAttempts },
      )
      if (live) return { kind: 'live', codeHash: String(live.code_hash), attempts: Number(live.attempts) }
      const [dead] = this.db.all(`SELECT expires_at, attempts FROM verification_codes WHERE phone_key = :phoneKey`, {
        phoneKey,
      })
      if (!dead) return { kind: 'none' }
      return { kind: Number(dead.attempts) >= maxAttempts ? 'exhausted' : 'expired' }
    })
  }

  consume(phoneKey: string, codeHash: string) {
    return this.db.write(
      () =>
        this.db.run(`DELETE FROM verification_codes WHERE phone_key = :phoneKey AND code_hash = :codeHash`, {
          phoneKey,
          codeHash,
        }) === 1,
    )
  }

  forget(before: Date) {
    return this.db.write(() =>
      this.db.run(`DELETE FROM verification_codes WHERE expires_at < :before`, { before: before.toISOString() }),
    )
  }
}

export const sqliteVerificationStore = (file: string) => new SqliteVerificationStore(new SqliteConnection(file))
