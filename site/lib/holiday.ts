/**
 * 无忧假期 on the site: URLs, the words a session is described with, and the programme page's filters
 * (street × age × week, each with "all"), every combination a pre-rendered page of links (no JavaScript).
 * Pure and browser-safe: the islands use the same URLs and wording.
 */
import { streets as districtStreets } from '../../common/district.ts'
import { type ChildGrade, childGrades } from '../../common/household/grades.ts'
import { ANY } from '../../common/urls.ts'
import { streetSegment } from './familyFilters.ts'

export const holidayUrl = '/holiday/'
export const holidayProgrammeUrl = (slug: string) => `/holiday/${slug}/`
export const holidaySessionUrl = (code: string) => `/holiday/sessions/${code.toLowerCase()}/`
/** A lottery wave's page (the lottery's own island reads the wave from the query). */
export const holidayLotteryUrl = (wave: string) => `/holiday/lottery/?wave=${encodeURIComponent(wave)}`

/** What a session looks like to these helpers (the loaded entry's data, or a test's object). */
export type HolidaySessionInfo = {
  code: string
  venue: { street?: string; community?: string; address?: string }
  days: { date: string; startTime: string; endTime: string }[]
  gradeFrom: ChildGrade
  gradeTo: ChildGrade
  price: number
}

// ------------------------------------------------------------------ wording

const weekdays = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** `2026-01-20` as a calendar day (no time zone involved: the date is the Shanghai date already). */
const dayOf = (date: string) => new Date(`${date}T00:00:00Z`)
const dayNumber = (date: string) => Math.round(dayOf(date).getTime() / 86_400_000)

/** "1月20日（周二）". */
export function dayLabel(date: string): string {
  const d = dayOf(date)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日（${weekdays[d.getUTCDay()]}）`
}

/** "09:00–11:30". */
export const timeRange = (day: { startTime: string; endTime: string }) => `${day.startTime}–${day.endTime}`

/**
 * The dates of a session in one line: "1月20日（周二）09:00–11:30"; "1月19日（周一）至1月23日（周五），共 5 天，
 * 每天 09:00–11:30" for consecutive days at the same hours; otherwise the days listed.
 */
export function scheduleText(days: HolidaySessionInfo['days']): string {
  const first = days[0]
  const last = days[days.length - 1]
  if (!first || !last) return ''
  if (days.length === 1) return `${dayLabel(first.date)} ${timeRange(first)}`
  const sameHours = days.every((d) => d.startTime === first.startTime && d.endTime === first.endTime)
  const consecutive = days.every((d, i) => i === 0 || dayNumber(d.date) === dayNumber(days[i - 1]?.date ?? '') + 1)
  if (sameHours && consecutive) {
    return `${dayLabel(first.date)}至${dayLabel(last.date)}，共 ${days.length} 天，每天 ${timeRange(first)}`
  }
  return days.map((d) => `${dayLabel(d.date)} ${timeRange(d)}`).join('；')
}

/** "三年级至六年级", or one grade. */
export const gradeRangeText = (s: Pick<HolidaySessionInfo, 'gradeFrom' | 'gradeTo'>) =>
  s.gradeFrom === s.gradeTo ? s.gradeFrom : `${s.gradeFrom}至${s.gradeTo}`

export const priceText = (price: number) => (price > 0 ? `${price} 元` : '免费')

const gradeIndex = (g: string) => childGrades.indexOf(g as ChildGrade)

/** Whether a child of `grade` may take part (the API decides in the end; this only guides the choice). */
export const admitsGrade = (s: Pick<HolidaySessionInfo, 'gradeFrom' | 'gradeTo'>, grade: string) => {
  const i = gradeIndex(grade)
  return i >= 0 && i >= gradeIndex(s.gradeFrom) && i <= gradeIndex(s.gradeTo)
}

// ------------------------------------------------------------------ filters

/** Age as parents think of it: by school stage, a few grades each (fewer pages than one per grade). */
export const gradeBands = [
  { segment: 'kindergarten', label: '幼儿园', from: '幼儿园小班', to: '幼儿园大班' },
  { segment: 'grade-1-2', label: '一、二年级', from: '一年级', to: '二年级' },
  { segment: 'grade-3-4', label: '三、四年级', from: '三年级', to: '四年级' },
  { segment: 'grade-5-6', label: '五、六年级', from: '五年级', to: '六年级' },
  { segment: 'junior', label: '初中', from: '初一', to: '初三' },
] as const satisfies readonly { segment: string; label: string; from: ChildGrade; to: ChildGrade }[]

/** A filter as URL segments; `all` means no filter. `week`: the Monday (YYYY-MM-DD) of the week. */
export type HolidayFilter = { street: string; age: string; week: string }

export const NO_HOLIDAY_FILTER: HolidayFilter = { street: ANY, age: ANY, week: ANY }

/** `/holiday/<programme>/` for no filter, else `/holiday/<programme>/filter/<street>/<age>/<week>/`. */
export const holidayFilterUrl = (programme: string, f: HolidayFilter) =>
  f.street === ANY && f.age === ANY && f.week === ANY
    ? holidayProgrammeUrl(programme)
    : `${holidayProgrammeUrl(programme)}filter/${f.street}/${f.age}/${f.week}/`

/** The Monday of the week a date falls in, as YYYY-MM-DD. */
export function weekOf(date: string): string {
  const d = dayOf(date)
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return d.toISOString().slice(0, 10)
}

/** "1月19日起一周". */
export const weekLabel = (monday: string) => {
  const d = dayOf(monday)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日起一周`
}

/** The streets the sessions are in, in the district's order (others after). */
export function sessionStreets(sessions: HolidaySessionInfo[]): string[] {
  const present = new Set(sessions.map((s) => s.venue.street).filter((s): s is string => Boolean(s)))
  return [...new Set<string>([...districtStreets, ...present])].filter((s) => present.has(s))
}

export const sessionWeeks = (sessions: HolidaySessionInfo[]): string[] =>
  [...new Set(sessions.flatMap((s) => s.days.map((d) => weekOf(d.date))))].sort()

/** Every filter worth a page: the streets and weeks that have sessions, every age band. */
export const allHolidayFilters = (sessions: HolidaySessionInfo[]): HolidayFilter[] =>
  [ANY, ...sessionStreets(sessions).map(streetSegment)].flatMap((street) =>
    [ANY, ...gradeBands.map((b) => b.segment)].flatMap((age) =>
      [ANY, ...sessionWeeks(sessions)].map((week) => ({ street, age, week })),
    ),
  )

export function applyHolidayFilter<T extends HolidaySessionInfo>(sessions: T[], f: HolidayFilter): T[] {
  const band = gradeBands.find((b) => b.segment === f.age)
  return sessions.filter(
    (s) =>
      (f.street === ANY || (s.venue.street && streetSegment(s.venue.street) === f.street)) &&
      (!band || (gradeIndex(s.gradeFrom) <= gradeIndex(band.to) && gradeIndex(s.gradeTo) >= gradeIndex(band.from))) &&
      (f.week === ANY || s.days.some((d) => weekOf(d.date) === f.week)),
  )
}

type ChipRow = { id: string; label: string; options: { label: string; href: string; current: boolean }[] }

/** The three rows of filter links; each link changes one filter and keeps the others. */
export function holidayChipRows(programme: string, sessions: HolidaySessionInfo[], f: HolidayFilter): ChipRow[] {
  const row = (key: keyof HolidayFilter, label: string, options: { value: string; label: string }[]): ChipRow => ({
    id: `filter-${key}`,
    label,
    options: [{ value: ANY, label: '全部' }, ...options].map((o) => ({
      label: o.label,
      href: holidayFilterUrl(programme, { ...f, [key]: o.value }),
      current: f[key] === o.value,
    })),
  })
  return [
    row(
      'street',
      '街道',
      sessionStreets(sessions).map((street) => ({ value: streetSegment(street), label: street })),
    ),
    row(
      'age',
      '年级',
      gradeBands.map((b) => ({ value: b.segment, label: b.label })),
    ),
    row(
      'week',
      '日期',
      sessionWeeks(sessions).map((week) => ({ value: week, label: weekLabel(week) })),
    ),
  ]
}

/** "福田街道 · 三、四年级 · 1月19日起一周": what a filtered page is about. */
export function describeHolidayFilter(sessions: HolidaySessionInfo[], f: HolidayFilter): string {
  return [
    sessionStreets(sessions).find((s) => streetSegment(s) === f.street),
    gradeBands.find((b) => b.segment === f.age)?.label,
    f.week === ANY ? undefined : weekLabel(f.week),
  ]
    .filter(Boolean)
    .join(' · ')
}
