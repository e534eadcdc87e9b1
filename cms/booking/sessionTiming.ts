/**
 * When attendance may be recorded for a session, in Beijing time. Browser-safe: the roster disables its buttons
 * by the same rules the staff endpoints enforce.
 */
import { TIMEZONE } from '../../common/i18n.ts'

type Timed = { startsAt: string; endsAt?: string | null }

const dayFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIMEZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar day in Beijing time as `YYYY-MM-DD`, so days compare as strings. */
export const beijingDay = (value: string | Date): string => dayFormatter.format(new Date(value))

/** Whether `now` falls on one of the session's days (a session may run past midnight or over several days). */
export function isSessionDay(session: Timed, now: Date): boolean {
  const today = beijingDay(now)
  return beijingDay(session.startsAt) <= today && today <= beijingDay(session.endsAt ?? session.startsAt)
}

/** Before the start a parent may still come, so nobody can be marked absent yet. */
export const hasStarted = (session: Timed, now: Date): boolean => Date.parse(session.startsAt) <= now.getTime()
