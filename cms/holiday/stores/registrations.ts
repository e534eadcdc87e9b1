import type { DocId } from '../../booking/schemas.ts'
import type { Within } from '../../booking/store.ts'
import type { RateLimitStore } from '../../booking/stores/rateLimits.ts'
import type { SessionCounts } from '../rules.ts'

export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled'

/** The statuses that hold a seat or a waitlist place: one of these per child and session, `perChildCap` per wave. */
export const ACTIVE: RegistrationStatus[] = ['confirmed', 'waitlisted']

export type StoredRegistration = {
  id: DocId
  code: string
  status: RegistrationStatus
  sessionId: DocId
  childId: DocId | null
}

/** A session as registration sees it: only while its programme is published. */
export type SessionRow = SessionCounts & {
  id: DocId
  waveId: DocId
  perChildCap: number
  gradeFrom: string | null
  gradeTo: string | null
  cancellationDeadline: string | null
}

export type ChildRow = { id: DocId; name: string; grade: string }

export type RegisterWrite = {
  session: DocId
  child: DocId
  household: DocId
  /** Unique per request item: a replay of the same item answers with the same registration. */
  idempotencyKey: string
  code: string
  now: Date
}

export type RegisterOutcome =
  /** A new registration, or the one an earlier request with the same key made. */
  | { kind: 'registered' | 'replayed'; registration: StoredRegistration }
  /** The child already holds an active registration in this session (another request made it). */
  | { kind: 'already-registered'; registration: StoredRegistration }
  /** The child holds the wave's `cap` active registrations already. */
  | { kind: 'cap-reached'; cap: number }
  /** Nothing written: the session is not open, full (waitlist too), cancelled, or unknown (null), or the child is not the household's. */
  | { kind: 'refused'; session: SessionRow | null; childKnown: boolean }
  /** The drawn code exists already: nothing written, draw again. */
  | { kind: 'code-taken' }

/**
 * A change the platform made to a household's registration, to be told to it: a waitlisted child moved into a
 * seat, or the registration cancelled with its session by staff.
 */
export type ChangeToTell = {
  id: DocId
  kind: 'promoted' | 'cancelled'
  code: string
  sessionId: DocId
  householdId: DocId
}

export type AttendanceStatus = 'present' | 'absent'

export type AttendanceWrite = {
  session: DocId
  day: string
  status: AttendanceStatus
  now: Date
  by: DocId | null
} & ({ registration: DocId } | { code: string })

/**
 * Holiday registration and attendance rules that must hold across server processes, each method one atomic
 * database operation (SQLite: one statement or a few under the write lock, triggers keep counts and promotion;
 * MongoDB: one multi-document transaction).
 */
export interface HolidayStore {
  install(): Promise<void>
  /** The shared rate-limit counters, on this store's connection (SQLite: its hits join the same group commits). */
  rateLimits: RateLimitStore
  /** Sessions by id (public ones only: programme published). */
  sessions(ids: DocId[]): Promise<SessionRow[]>
  sessionsOfWave(waveId: DocId): Promise<SessionRow[]>
  /** The household's own children among `ids`; others' children are simply absent. */
  children(householdId: DocId, ids: DocId[]): Promise<ChildRow[]>
  /**
   * Registers a child for a session in one atomic write: open wave, published programme, scheduled session, the
   * child is the household's, one active registration per child and session, fewer than the wave's cap for the
   * child, a seat while seats are free and nobody waits, else a waitlist place while the waitlist has room.
   */
  register(write: RegisterWrite): Promise<RegisterOutcome>
  /** 1-based place in the session's waitlist, or null. */
  waitlistPosition(registrationId: DocId): Promise<number | null>
  /** The household cancels: waitlisted any time, confirmed until the session's deadline. The waitlist moves up in order. */
  cancelByHousehold(code: string, householdId: DocId, now: Date): Promise<StoredRegistration | null>
  /**
   * A staff save of the session: promote into freed seats and recount; a session set to cancelled cancels its
   * active registrations (reason SESSION_CANCELLED_REASON), each to be told to its household.
   */
  sessionSaved(sessionId: DocId, now: Date, within: Within): Promise<void>
  /** Records a child present or absent on one day of a confirmed registration; null if none matches or not a session day. */
  mark(write: AttendanceWrite): Promise<{ registrationId: DocId } | null>
  /** Clears a day's mark (a tick undone). */
  unmark(registrationId: DocId, day: string): Promise<boolean>
  /** Child-visits (人次) of a session: present marks per day. */
  visits(sessionId: DocId): Promise<{ day: string; present: number; absent: number }[]>
  /**
   * Claims up to `limit` changes whose household has not been told yet (marking them told), so that one process
   * sends each message; `releaseChange` hands one back when its message could not be sent.
   */
  claimChangesToTell(limit: number, now: Date): Promise<ChangeToTell[]>
  releaseChange(registrationId: DocId): Promise<void>
  /** Removes the child and household from registrations of sessions that ended before `endedBefore`; counts stay. */
  anonymise(endedBefore: Date, now: Date): Promise<number>
}
