import chineseDays from 'chinese-days'

/** Shanghai is UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** The calendar date ("2026-10-01") of an instant in Asia/Shanghai. */
export const shanghaiDate = (at: Date): string => new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)

/**
 * When the first answer to an order is due: the end (23:59:59.999 Beijing time) of the `workingDays`-th working day
 * after the day it came in, on the official calendar of public holidays and 调休 make-up working days (package
 * `chinese-days`, updated when the State Council publishes a year). A day that is a working day counts whatever its
 * weekday; a holiday never does.
 */
export function firstResponseDue(submittedAt: Date, workingDays: number): Date {
  const day = chineseDays.findWorkday(Math.max(1, Math.floor(workingDays)), shanghaiDate(submittedAt))
  return new Date(Date.parse(`${day}T23:59:59.999+08:00`))
}
