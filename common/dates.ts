import { TIMEZONE } from './i18n.ts'

// One formatter for the process: creating one is costly, and thousands of pages format dates.
const formatter = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIMEZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
})

const parts = (value: string | Date) =>
  Object.fromEntries(formatter.formatToParts(new Date(value)).map((p) => [p.type, p.value]))

/** "2026年11月23日" in Asia/Shanghai, whatever the server's timezone. */
export function formatDate(value: string | Date): string {
  const p = parts(value)
  return `${p.year}年${Number(p.month)}月${Number(p.day)}日`
}

/** "2026年11月23日 14:30" in Asia/Shanghai. */
export function formatDateTime(value: string | Date): string {
  const p = parts(value)
  return `${formatDate(value)} ${p.hour}:${p.minute}`
}

/** "周一" in Asia/Shanghai. */
export const formatWeekday = (value: string | Date): string => parts(value).weekday ?? ''
