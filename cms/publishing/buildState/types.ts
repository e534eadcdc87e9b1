import type { SiteBuildStatus } from '../../globals/SiteBuild/index.ts'

/**
 * The site-build global as the rebuild machinery uses it. Requests are counted (`requestSeq`); a build claims
 * the count it covers (`buildingSeq`) and, when it ends, marks everything up to it handled (`handledSeq`). So a
 * request that arrives while a build runs is never swallowed: it leaves `requestSeq > handledSeq` and the
 * worker builds again.
 */
export type SiteBuildState = {
  status: SiteBuildStatus
  requestSeq: number
  handledSeq: number
  requestedAt?: string
  startedAt?: string
  finishedAt?: string
  lastBuiltAt?: string
  durationMs?: number
  lastError?: string
  leaseOwner?: string
  leaseExpiresAt?: string
}

/** A lease won by one worker: it may build until `leaseExpiresAt` (renewed while the build runs). */
export type SiteBuildClaim = {
  owner: string
  /** The request count this build covers. */
  seq: number
  /** The newest request it covers (publish → live is measured from here). */
  requestedAt?: string
}

export type SiteBuildOutcome =
  | { ok: true; finishedAt: Date; durationMs: number }
  | { ok: false; finishedAt: Date; durationMs: number; error: string }

/**
 * Database-specific bookkeeping of site builds, on the `site-build` global's row/document. Every method is one
 * atomic statement, so several processes (and CLIs) can share it: the lease is the only lock, and it lives in
 * the database with an expiry, so a holder that dies releases it by timing out.
 */
export interface SiteBuildStore {
  /** Records that the site must be rebuilt (creates the row on first use). */
  request(at: Date): Promise<void>
  /** The current state, or a fresh one when nothing was ever recorded. */
  read(): Promise<SiteBuildState>
  /**
   * Takes the lease when a request is pending, no request came in during the last `quietMs`, and nobody holds
   * an unexpired lease. Returns null when any of that is not so.
   */
  claim(opts: { owner: string; now: Date; quietMs: number; leaseMs: number }): Promise<SiteBuildClaim | null>
  /** Extends the lease while the build runs; false when it was lost (expired and taken by another process). */
  renew(owner: string, now: Date, leaseMs: number): Promise<boolean>
  /** Records the outcome and releases the lease; false when the lease was no longer ours (nothing recorded). */
  finish(claim: SiteBuildClaim, outcome: SiteBuildOutcome): Promise<boolean>
  /** Gives the lease back without a result (the build was stopped): its requests stay pending for the next one. */
  release(claim: SiteBuildClaim): Promise<void>
}

export const emptyState = (): SiteBuildState => ({ status: 'idle', requestSeq: 0, handledSeq: 0 })

/** Longest error text kept in the global: the tail of a build log is what says what went wrong. */
export const MAX_ERROR_LENGTH = 4000
export const clipError = (message: string) =>
  message.length > MAX_ERROR_LENGTH ? `…${message.slice(-MAX_ERROR_LENGTH)}` : message
