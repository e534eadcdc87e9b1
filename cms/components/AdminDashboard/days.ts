import { TIMEZONE } from '../../../common/i18n.ts'

// Asia/Shanghai has kept UTC+8 without daylight saving since 1991: day boundaries are a fixed offset away from UTC.
const OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** Days the dashboard looks ahead beyond today: a rolling week, so a Saturday still shows next week's sessions. */
export const DAYS_AHEAD = 7

/** Where today, tomorrow and the dashboard's week end, in Asia/Shanghai. */
export function dayBounds(now: Date) {
  const local = now.getTime() + OFFSET_MS
  const todayStart = local - (local % DAY_MS) - OFFSET_MS
  return {
    todayStart: new Date(todayStart),
    tomorrowStart: new Date(todayStart + DAY_MS),
    weekEnd: new Date(todayStart + (1 + DAYS_AHEAD) * DAY_MS),
  }
}

const timeFormatter = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIMEZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** "14:30" in Asia/Shanghai. */
export const formatTime = (value: string | Date): string => timeFormatter.format(new Date(value))
