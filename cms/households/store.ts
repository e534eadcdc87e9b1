import type { RateLimit } from '../booking/stores/rateLimits.ts'
import type { DeadCode } from './rules.ts'

/** The outcome of one try at a phone's code: its stored hash to compare with, or why there is none. */
export type Attempt = { kind: 'live'; codeHash: string; attempts: number } | { kind: DeadCode }

/**
 * SMS verification codes, shared by every server process: one live code per phone (by keyed hash of the number),
 * stored only as a keyed hash. Each method is one atomic database operation, implemented for SQLite (sqlite/)
 * and MongoDB (mongodb/), so limits and tries hold under concurrency across processes.
 */
export interface VerificationStore {
  /**
   * Counts one sent code against every window of every key, all or nothing: false (and nothing counted) when any
   * is used up, so refused requests do not eat the hour's or day's budget.
   */
  countSend(limits: RateLimit[], now: Date): Promise<boolean>
  /** Stores a phone's new code in place of any earlier one; its tries start again from zero. */
  save(phoneKey: string, codeHash: string, expiresAt: Date): Promise<void>
  /**
   * Takes one try at the phone's code: counted only while the code is unexpired and has tries left
   * (`attempts < maxAttempts`), in the same statement that checks it.
   */
  attempt(phoneKey: string, now: Date, maxAttempts: number): Promise<Attempt>
  /** Deletes the code that matched, so it opens one session only; false when another request used it first. */
  consume(phoneKey: string, codeHash: string): Promise<boolean>
  /** Deletes codes that expired before `before`; returns how many. */
  forget(before: Date): Promise<number>
}

/** Thrown inside a store transaction to undo the counts of a refused send. */
export class SendRefused extends Error {}
