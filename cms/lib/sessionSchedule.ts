import { z } from 'zod'

const HOUR = 60 * 60 * 1000

export type SessionSchedule = {
  startsAt: string
  endsAt: string
  bookingOpensAt?: string | null
  bookingClosesAt?: string | null
  cancellationDeadline?: string | null
}

const iso = z.iso.datetime({ offset: true })

/**
 * Fills the booking window a coordinator left empty (opens now, closes when the session starts,
 * cancellations until 24 hours before) and lists what is inconsistent, in Chinese for the admin.
 */
export function completeSchedule(
  input: SessionSchedule,
  now: Date = new Date(),
): { schedule: Required<SessionSchedule>; errors: { path: string; message: string }[] } {
  const errors: { path: string; message: string }[] = []
  for (const key of ['startsAt', 'endsAt'] as const) {
    if (!iso.safeParse(input[key]).success) errors.push({ path: key, message: '请填写有效的日期和时间' })
  }
  if (errors.length) return { schedule: input as Required<SessionSchedule>, errors }

  const starts = Date.parse(input.startsAt)
  const schedule = {
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    bookingOpensAt: input.bookingOpensAt || now.toISOString(),
    bookingClosesAt: input.bookingClosesAt || input.startsAt,
    cancellationDeadline: input.cancellationDeadline || new Date(starts - 24 * HOUR).toISOString(),
  }
  const at = (key: keyof SessionSchedule) => Date.parse(schedule[key])
  if (at('endsAt') <= starts) errors.push({ path: 'endsAt', message: '结束时间必须晚于开始时间' })
  if (at('bookingClosesAt') <= at('bookingOpensAt'))
    errors.push({ path: 'bookingClosesAt', message: '报名截止时间必须晚于报名开始时间' })
  if (at('bookingClosesAt') > starts) errors.push({ path: 'bookingClosesAt', message: '报名截止时间不能晚于开课时间' })
  if (at('cancellationDeadline') > starts)
    errors.push({ path: 'cancellationDeadline', message: '取消截止时间不能晚于开课时间' })
  return { schedule, errors }
}
