import { z } from 'zod'

/**
 * A reporting period in Beijing time (UTC+8 all year, no daylight saving): `from` inclusive, `to` exclusive, both
 * instants. Browser-safe.
 */
export type Period = { kind: PeriodKind; from: string; to: string; label: string; key: string }
export const periodKinds = ['year', 'half', 'quarter', 'month', 'custom'] as const
export type PeriodKind = (typeof periodKinds)[number]

const OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** Midnight in Beijing of a calendar day, as an instant. */
const beijingMidnight = (year: number, month: number, day = 1) => new Date(Date.UTC(year, month - 1, day) - OFFSET_MS)

const dayOf = new Map<string, string>()
/**
 * The Beijing calendar date (YYYY-MM-DD) of an instant. Remembered per ISO string: figures ask for the same
 * session times over and over, and parsing a date string costs more than the rest of a figure.
 */
export function beijingDay(instant: string | Date): string {
  if (typeof instant !== 'string') return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10)
  let day = dayOf.get(instant)
  if (day === undefined) {
    if (dayOf.size > 50_000) dayOf.clear()
    day = new Date(Date.parse(instant) + OFFSET_MS).toISOString().slice(0, 10)
    dayOf.set(instant, day)
  }
  return day
}

/** The Beijing calendar month (YYYY-MM) of an instant. */
export const beijingMonth = (instant: string | Date): string => beijingDay(instant).slice(0, 7)

/** How many Beijing calendar days an interval touches (a session from Saturday to Sunday: 2). At least 1. */
export function beijingDaysSpanned(starts: string, ends: string | null | undefined): number {
  if (!ends) return 1
  const first = beijingDay(starts)
  const last = beijingDay(ends)
  if (first === last) return 1
  return Math.max(1, Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY_MS) + 1)
}

const year = z.coerce.number().int().min(2000).max(2100)
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日')

/** What the period picker sends (query string of the dashboard and the report endpoints). */
export const periodQuery = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('year'), year }),
  z.object({ kind: z.literal('half'), year, half: z.coerce.number().int().min(1).max(2) }),
  z.object({ kind: z.literal('quarter'), year, quarter: z.coerce.number().int().min(1).max(4) }),
  z.object({ kind: z.literal('month'), year, month: z.coerce.number().int().min(1).max(12) }),
  z.object({ kind: z.literal('custom'), start: isoDay, end: isoDay }),
])
export type PeriodQuery = z.infer<typeof periodQuery>

/** Turns a picked period into instants and its Chinese name, e.g. "2026年第一季度". */
export function resolvePeriod(q: PeriodQuery): Period {
  const months = (y: number, firstMonth: number, count: number) => ({
    from: beijingMidnight(y, firstMonth).toISOString(),
    to: beijingMidnight(y, firstMonth + count).toISOString(),
  })
  switch (q.kind) {
    case 'year':
      return { kind: q.kind, ...months(q.year, 1, 12), label: `${q.year}年`, key: `${q.year}` }
    case 'half':
      return {
        kind: q.kind,
        ...months(q.year, q.half === 1 ? 1 : 7, 6),
        label: `${q.year}年${q.half === 1 ? '上半年' : '下半年'}`,
        key: `${q.year}-H${q.half}`,
      }
    case 'quarter':
      return {
        kind: q.kind,
        ...months(q.year, (q.quarter - 1) * 3 + 1, 3),
        label: `${q.year}年第${'一二三四'[q.quarter - 1]}季度`,
        key: `${q.year}-Q${q.quarter}`,
      }
    case 'month':
      return {
        kind: q.kind,
        ...months(q.year, q.month, 1),
        label: `${q.year}年${q.month}月`,
        key: `${q.year}-${String(q.month).padStart(2, '0')}`,
      }
    case 'custom': {
      const [start, end] = q.start <= q.end ? [q.start, q.end] : [q.end, q.start]
      const from = new Date(Date.parse(`${start}T00:00:00Z`) - OFFSET_MS)
      const to = new Date(Date.parse(`${end}T00:00:00Z`) - OFFSET_MS + DAY_MS)
      return {
        kind: 'custom',
        from: from.toISOString(),
        to: to.toISOString(),
        label: `${start} 至 ${end}`,
        key: `${start}_${end}`,
      }
    }
  }
}

/** The period a query string names; this year (Beijing) when it names none or an invalid one. */
export function periodFromSearch(search: Record<string, unknown>, now = new Date()): Period {
  const parsed = periodQuery.safeParse(search)
  return resolvePeriod(parsed.success ? parsed.data : { kind: 'year', year: Number(beijingDay(now).slice(0, 4)) })
}

/** The period's years (for honours, which carry a year only). */
export function periodYears(period: Period): number[] {
  const first = Number(beijingDay(period.from).slice(0, 4))
  const last = Number(beijingDay(new Date(Date.parse(period.to) - 1)).slice(0, 4))
  return Array.from({ length: last - first + 1 }, (_, i) => first + i)
}

export const inPeriod = (period: Pick<Period, 'from' | 'to'>, instant: string | null | undefined): boolean =>
  Boolean(instant) &&
  Date.parse(instant as string) >= Date.parse(period.from) &&
  Date.parse(instant as string) < Date.parse(period.to)
