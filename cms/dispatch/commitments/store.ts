import type { DocId } from '../../booking/schemas.ts'

export type CommitmentKind = 'offer' | 'session'

export type HoldInput = {
  lecturer: DocId
  startsAt: Date
  endsAt: Date
  kind: CommitmentKind
  order?: DocId
  session?: DocId
  /** The lecturer's monthly cap (null: none) and the Shanghai month [start, end) that `startsAt` falls in. */
  cap: number | null
  monthStart: Date
  monthEnd: Date
  now: Date
}

export type HoldResult = { ok: true; id: DocId } | { ok: false; reason: 'overlap' | 'monthly_cap' }

/**
 * The lecturer-time rules that must hold across several server processes on one database: a lecturer never has two
 * active commitments (pending offers or sessions) at overlapping times, nor more in a month than their cap. `hold`
 * is decided by the database (SQLite: a trigger and a conditional insert under the write lock; MongoDB: a unique
 * index on 5-minute slot keys), so of two coordinators assigning one lecturer at once, exactly one wins.
 */
export interface CommitmentStore {
  /** Creates the database objects the store relies on (triggers, indexes); safe to run on every start. */
  install(): Promise<void>
  hold(input: HoldInput): Promise<HoldResult>
  /** Frees the time (declined or expired offer, cancelled session); the row stays with its reason. */
  release(id: DocId, reason: string, now: Date): Promise<void>
  /** The offer's time becomes the session's. */
  toSession(id: DocId, session: DocId, now: Date): Promise<void>
}

/** Minutes per MongoDB slot key: session times are whole multiples of it. */
export const SLOT_MINUTES = 5
