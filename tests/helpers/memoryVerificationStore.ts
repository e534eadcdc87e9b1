import type { RateLimit } from '../../cms/booking/stores/rateLimits.ts'
import { windowStartOf } from '../../cms/booking/stores/rateLimits.ts'
import type { Attempt, VerificationStore } from '../../cms/households/store.ts'

/**
 * The VerificationStore contract in memory, for unit tests of the rules (cms/households/verification.ts) with an
 * injected clock; the SQLite store behind the real endpoints is held to the same answers in tests/int/households.
 */
export class MemoryVerificationStore implements VerificationStore {
  readonly counters = new Map<string, number>()
  readonly codes = new Map<string, { codeHash: string; expiresAt: Date; attempts: number }>()

  async countSend(limits: RateLimit[], now: Date) {
    const slots = limits.flatMap(({ keys, windowSeconds }) =>
      keys.map((k) => ({ slot: `${k.key}@${windowStartOf(now, windowSeconds)}`, limit: k.limit })),
    )
    if (slots.some(({ slot, limit }) => (this.counters.get(slot) ?? 0) + 1 > limit)) return false
    for (const { slot } of slots) this.counters.set(slot, (this.counters.get(slot) ?? 0) + 1)
    return true
  }

  async save(phoneKey: string, codeHash: string, expiresAt: Date) {
    this.codes.set(phoneKey, { codeHash, expiresAt, attempts: 0 })
  }

  async attempt(phoneKey: string, now: Date, maxAttempts: number): Promise<Attempt> {
    const code = this.codes.get(phoneKey)
    if (!code) return { kind: 'none' }
    if (code.expiresAt <= now || code.attempts >= maxAttempts) {
      return { kind: code.attempts >= maxAttempts ? 'exhausted' : 'expired' }
    }
    code.attempts++
    return { kind: 'live', codeHash: code.codeHash, attempts: code.attempts }
  }

  async consume(phoneKey: string, codeHash: string) {
    if (this.codes.get(phoneKey)?.codeHash !== codeHash) return false
    return this.codes.delete(phoneKey)
  }

  async forget(before: Date) {
    let n = 0
    for (const [key, code] of this.codes) if (code.expiresAt < before && this.codes.delete(key)) n++
    return n
  }
}
