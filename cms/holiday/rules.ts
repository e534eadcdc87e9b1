import { type ChildGrade, childGrades } from '../../common/household/grades.ts'

/**
 * The registration rules that need no database: a session's public state, grade ranges, day times and the
 * deadline for cancelling. What must hold across processes (seats, one seat per child, the per-wave cap) is in
 * the stores.
 */

export type SeatState = 'not_open' | 'open' | 'full' | 'waitlist' | 'closed' | 'cancelled'

export type SessionCounts = {
  status: string
  capacity: number
  waitlistSize: number
  confirmedCount: number
  waitlistedCount: number
  opensAt: string
  closesAt?: string | null
}

export const seatsLeft = (s: SessionCounts) => Math.max(0, s.capacity - s.confirmedCount)
export const waitlistLeft = (s: SessionCounts) => Math.max(0, s.waitlistSize - s.waitlistedCount)

/** What the island shows: cancelled and closed first, then the opening time, then seats, then the waitlist. */
export function seatState(s: SessionCounts, now: Date): SeatState {
  if (s.status === 'cancelled') return 'cancelled'
  if (s.status !== 'scheduled') return 'closed'
  const t = now.getTime()
  if (s.closesAt && Date.parse(s.closesAt) <= t) return 'closed'
  if (Date.parse(s.opensAt) > t) return 'not_open'
  // A seat goes to a new registration only while nobody waits (the queue keeps its order).
  if (seatsLeft(s) > 0 && s.waitlistedCount === 0) return 'open'
  if (waitlistLeft(s) > 0) return 'waitlist'
  return 'full'
}

export const gradeIndex = (grade: string) => childGrades.indexOf(grade as ChildGrade)

/** Whether a child's grade lies in a session's range (an open end admits every grade on that side). */
export function gradeFits(grade: string, from?: string | null, to?: string | null): boolean {
  const g = gradeIndex(grade)
  if (g < 0) return false
  if (from && g < gradeIndex(from)) return false
  if (to && g > gradeIndex(to)) return false
  return true
}

export type SessionDay = { date: string; startTime: string; endTime: string }

/** A session day's time as an instant: dates and times are Beijing time (UTC+8, no daylight saving). */
export const dayInstant = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`)

export const sortDays = (days: SessionDay[]) =>
  [...days].sort((a, b) => `${a.date}${a.startTime}`.localeCompare(`${b.date}${b.startTime}`))

/** First start and last end of a session's days. */
export function sessionSpan(days: SessionDay[]): { startsAt: string; endsAt: string } | null {
  const sorted = sortDays(days)
  const first = sorted[0]
  const last = sorted[sorted.length - 1]
  if (!first || !last) return null
  return {
    startsAt: dayInstant(first.date, first.startTime).toISOString(),
    endsAt: dayInstant(last.date, last.endTime).toISOString(),
  }
}

/** Parents cancel a confirmed seat until this many hours before the first day starts, unless the wave says otherwise. */
/** The reason on registrations cancelled because staff cancelled their session (households cancel without one). */
export const SESSION_CANCELLED_REASON = '活动已取消'

export const DEFAULT_CANCELLATION_HOURS = 24

export function cancellationDeadline(startsAt: string, hoursBefore?: number | null): string {
  const hours = hoursBefore ?? DEFAULT_CANCELLATION_HOURS
  return new Date(Date.parse(startsAt) - hours * 3_600_000).toISOString()
}

/** Today's date in Beijing, as session days name it (YYYY-MM-DD). */
export const beijingDate = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)

/** Whether a child may take one more session of a wave, given the active registrations it already holds there. */
export const underCap = (activeInWave: number, perChildCap: number) => activeInWave < perChildCap
