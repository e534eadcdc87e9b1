/**
 * Which lecturers a dispatcher may offer an order to, as pure functions of the lecturers' data and their existing
 * commitments (shared by the candidates endpoint and its unit tests). Times are instants; days, weekdays, clock
 * times and months are read in Asia/Shanghai (UTC+8, no daylight saving).
 */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

export type WeeklySlot = { weekday: string | number; from: string; to: string }
export type LecturerAvailability = {
  id: number | string
  name: string
  /** Course ids the lecturer teaches (the course's lecturers relation). */
  courses: readonly (number | string)[]
  /** Empty: no weekly limits given, any time is possible. */
  weeklySlots: readonly WeeklySlot[]
  /** Days (YYYY-MM-DD, Shanghai) the lecturer cannot teach. */
  blockedDays: readonly string[]
  /** Sessions (and pending offers) a month at most; null for no cap. */
  monthlyCap: number | null
}
export type Interval = { startsAt: Date; endsAt: Date }
export type Commitment = Interval & { lecturer: number | string }

/** Shanghai wall clock of an instant. */
export function shanghai(at: Date) {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS)
  const iso = local.toISOString()
  const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay()
  return { day: iso.slice(0, 10), month: iso.slice(0, 7), time: iso.slice(11, 16), weekday }
}

/** The instant of a Shanghai wall-clock day and time ("2026-12-08", "14:30"). */
export const shanghaiInstant = (day: string, time = '00:00') => new Date(`${day}T${time}:00+08:00`)

/** The month [start, end) around an instant, as instants. */
export function shanghaiMonth(at: Date): { start: Date; end: Date } {
  const { month } = shanghai(at)
  const [y, m] = month.split('-').map(Number) as [number, number]
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  return { start: shanghaiInstant(`${month}-01`), end: shanghaiInstant(`${next}-01`) }
}

export const overlaps = (a: Interval, b: Interval) => a.startsAt < b.endsAt && b.startsAt < a.endsAt

/** Whether the interval lies within one weekly slot (same Shanghai day, slot's weekday, between its times). */
export function fitsWeeklySlots(slots: readonly WeeklySlot[], at: Interval): boolean {
  if (!slots.length) return true
  const start = shanghai(at.startsAt)
  const end = shanghai(new Date(at.endsAt.getTime() - 1))
  if (start.day !== end.day) return false
  const endTime = shanghai(at.endsAt).time === '00:00' ? '24:00' : shanghai(at.endsAt).time
  return slots.some((s) => Number(s.weekday) === start.weekday && s.from <= start.time && endTime <= s.to)
}

export const isBlocked = (blockedDays: readonly string[], at: Interval) =>
  blockedDays.includes(shanghai(at.startsAt).day) ||
  blockedDays.includes(shanghai(new Date(at.endsAt.getTime() - 1)).day)

/** Active commitments of the lecturer starting in the Shanghai month of `at`. */
export function monthLoad(commitments: readonly Commitment[], lecturer: number | string, at: Date): number {
  const { start, end } = shanghaiMonth(at)
  return commitments.filter((c) => String(c.lecturer) === String(lecturer) && c.startsAt >= start && c.startsAt < end)
    .length
}

export type Unavailability = 'not_qualified' | 'outside_weekly_slots' | 'blocked_date' | 'overlap' | 'monthly_cap'

export const UNAVAILABILITY_LABELS: Record<Unavailability, string> = {
  not_qualified: '不教授该课程',
  outside_weekly_slots: '不在每周可授课时间内',
  blocked_date: '当天不可授课',
  overlap: '与已有安排时间冲突',
  monthly_cap: '本月场次已满',
}

export type Candidate = {
  id: number | string
  name: string
  load: number
  cap: number | null
  /** Empty when the lecturer is qualified and free for the interval. */
  reasons: Unavailability[]
}

/** Every lecturer judged for the course at the interval, with their load in its month. */
export function judgeLecturers(
  lecturers: readonly LecturerAvailability[],
  commitments: readonly Commitment[],
  course: number | string,
  at: Interval,
): Candidate[] {
  return lecturers.map((l) => {
    const load = monthLoad(commitments, l.id, at.startsAt)
    const reasons: Unavailability[] = []
    if (!l.courses.some((c) => String(c) === String(course))) reasons.push('not_qualified')
    if (!fitsWeeklySlots(l.weeklySlots, at)) reasons.push('outside_weekly_slots')
    if (isBlocked(l.blockedDays, at)) reasons.push('blocked_date')
    if (commitments.some((c) => String(c.lecturer) === String(l.id) && overlaps(c, at))) reasons.push('overlap')
    if (l.monthlyCap != null && load >= l.monthlyCap) reasons.push('monthly_cap')
    return { id: l.id, name: l.name, load, cap: l.monthlyCap, reasons }
  })
}

/**
 * The lecturers a dispatcher may pick: qualified for the course and free at the interval, least loaded first
 * (the share of their cap used, then the count, then the name).
 */
export function qualifiedFreeLecturers(
  lecturers: readonly LecturerAvailability[],
  commitments: readonly Commitment[],
  course: number | string,
  at: Interval,
): Candidate[] {
  const share = (c: Candidate) => (c.cap ? c.load / c.cap : 0)
  return judgeLecturers(lecturers, commitments, course, at)
    .filter((c) => c.reasons.length === 0)
    .sort((a, b) => share(a) - share(b) || a.load - b.load || a.name.localeCompare(b.name, 'zh-CN'))
}
