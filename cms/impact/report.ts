import { streets } from '../../common/district.ts'
import {
  computeFigures,
  type Dimension,
  dimensions,
  type FigureKey,
  type FigureValues,
  figureDefinition,
  figureKeys,
} from './definitions.ts'
import { emptyFacts, type Facts } from './facts.ts'
import { beijingMonth, type Period } from './period.ts'

/**
 * A computed report: the figures of one period in total and broken down, as JSON. A frozen snapshot (impact-reports)
 * stores exactly this, so the dashboard, the XLSX, the printed report and /data/ read the same numbers.
 */
export type BreakdownRow = { key: string; label: string; values: FigureValues }
export type TopPage = { path: string; title: string; views: number }
export type Report = {
  version: 1
  period: Pick<Period, 'kind' | 'from' | 'to' | 'label' | 'key'>
  generatedAt: string
  /** The streets the figures are limited to; null for the whole district. */
  streets: string[] | null
  sources: Facts['sources']
  totals: FigureValues
  breakdowns: Record<Dimension, BreakdownRow[]>
  reading: { articles: TopPage[]; families: TopPage[] }
}

/** Figures that apply to a breakdown, in definition order. */
export const figuresFor = (dim: Dimension): FigureKey[] =>
  figureKeys.filter((k) => (figureDefinition(k).dims as readonly string[]).includes(dim))

type Keyed = { key: string; label: string }
const none = (): Keyed | null => null

/** Splits the facts into groups by one dimension; facts the dimension does not apply to go nowhere. */
export function partition(f: Facts, dim: Dimension): Map<string, { label: string; facts: Facts }> {
  const groups = new Map<string, { label: string; facts: Facts }>()
  const group = (k: Keyed) => {
    let g = groups.get(k.key)
    if (!g) {
      g = { label: k.label, facts: { ...emptyFacts(), sources: f.sources, years: f.years } }
      groups.set(k.key, g)
    }
    return g.facts
  }
  const place = (street: string, community: string): Keyed | null => {
    if (dim === 'street') return street ? { key: street, label: street } : null
    if (dim === 'community')
      return community ? { key: `${street}/${community}`, label: `${street} · ${community}` } : null
    return null
  }
  const monthKey = (m: string): Keyed => ({ key: m, label: `${Number(m.slice(0, 4))}年${Number(m.slice(5))}月` })
  const month = (instant: string): Keyed | null => (dim === 'month' ? monthKey(beijingMonth(instant)) : null)
  const teaching = (row: {
    category: string
    courseId: string
    courseTitle: string
    lecturer: string
  }): Keyed | null => {
    if (dim === 'category') return row.category ? { key: row.category, label: row.category } : null
    if (dim === 'course') return row.courseId ? { key: row.courseId, label: row.courseTitle } : null
    if (dim === 'lecturer') return row.lecturer ? { key: row.lecturer, label: row.lecturer } : null
    return null
  }
  const add = <K extends keyof Facts>(list: K, row: Facts[K] extends (infer R)[] ? R : never, k: Keyed | null) => {
    if (k) (group(k)[list] as unknown[]).push(row)
  }

  const sessionKey = new Map<string, Keyed | null>()
  for (const s of f.sessions) {
    const k = place(s.street, s.community) ?? month(s.startsAt) ?? teaching(s)
    sessionKey.set(s.id, k)
    add('sessions', s, k)
  }
  for (const b of f.bookings) add('bookings', b, sessionKey.get(b.session) ?? null)
  for (const o of f.orders) add('orders', o, place(o.street, o.community) ?? month(o.createdAt) ?? teaching(o))
  for (const r of f.ratings) add('ratings', r, place(r.street, r.community) ?? month(r.at) ?? teaching(r))
  const holidayKey = new Map<string, Keyed | null>()
  for (const s of f.holidaySessions) {
    const k = place(s.street, s.community)
    holidayKey.set(s.id, k)
    if (dim === 'month') {
      // A session belongs to each month it has a day in (its attendance is split by day below).
      for (const m of new Set(s.days.map((d) => d.slice(0, 7)))) add('holidaySessions', s, monthKey(m))
    } else add('holidaySessions', s, k)
  }
  // A day is already a Beijing date (YYYY-MM-DD).
  for (const a of f.holidayAttendance)
    add('holidayAttendance', a, dim === 'month' ? monthKey(a.day.slice(0, 7)) : (holidayKey.get(a.session) ?? null))
  for (const a of f.articles) add('articles', a, month(a.publishedAt))
  for (const fam of f.families) add('families', fam, place(fam.street, fam.community))
  for (const c of f.communities) add('communities', c, dim === 'street' ? place(c.street, '') : none())
  return groups
}

const streetOrder = (label: string) => {
  const i = (streets as readonly string[]).indexOf(label.split(' · ')[0] ?? '')
  return i < 0 ? streets.length : i
}
/** One collator for every sort: `localeCompare(…, 'zh-CN')` builds a new one per comparison. */
const pinyin = new Intl.Collator('zh-CN')

/** Months in time order, streets (and communities) in the district's order, the rest by pinyin. */
const sortRows = (dim: Dimension, rows: BreakdownRow[]) =>
  dim === 'month'
    ? rows.sort((a, b) => a.key.localeCompare(b.key))
    : dim === 'street' || dim === 'community'
      ? rows.sort((a, b) => streetOrder(a.label) - streetOrder(b.label) || pinyin.compare(a.label, b.label))
      : rows.sort((a, b) => pinyin.compare(a.label, b.label))

export function breakdown(f: Facts, dim: Dimension): BreakdownRow[] {
  const keys = figuresFor(dim)
  const rows = [...partition(f, dim)].map(([key, g]) => ({
    key,
    label: g.label,
    values: computeFigures(g.facts, keys),
  }))
  return sortRows(dim, rows)
}

export function buildReport(
  f: Facts,
  period: Period,
  options: { streets?: string[] | null; now?: Date; reading?: Report['reading'] } = {},
): Report {
  return {
    version: 1,
    period: { kind: period.kind, from: period.from, to: period.to, label: period.label, key: period.key },
    generatedAt: (options.now ?? new Date()).toISOString(),
    streets: options.streets ?? null,
    sources: f.sources,
    totals: computeFigures(f),
    breakdowns: Object.fromEntries(dimensions.map((d) => [d, breakdown(f, d)])) as Report['breakdowns'],
    reading: options.reading ?? { articles: [], families: [] },
  }
}
