import { honourLevels } from '../../common/catalogue.ts'
import type { Facts, LectureBooking, LectureSession } from './facts.ts'
import { beijingDaysSpanned } from './period.ts'

/**
 * The figures (口径), each written down once: its Chinese name, what it counts (shown beside every number on the
 * dashboard, in the XLSX definitions sheet, on the printed report and on /data/) and its computation over the facts
 * of one period. Browser-safe: the printed report and /data/ read the same labels and notes.
 */

export const dimensions = ['street', 'community', 'category', 'course', 'lecturer', 'month'] as const
export type Dimension = (typeof dimensions)[number]
export const dimensionLabels: Record<Dimension, string> = {
  street: '街道',
  community: '社区',
  category: '课程类别',
  course: '课程',
  lecturer: '讲师',
  month: '月份',
}

export type FigureUnit = 'count' | 'share' | 'days' | 'score'
export type FigureGroup = 'lectures' | 'orders' | 'holiday' | 'content'
export const figureGroupLabels: Record<FigureGroup, string> = {
  lectures: '福家大讲堂',
  orders: '点单式服务',
  holiday: '无忧假期',
  content: '宣传与最美家庭',
}

export type FigureDefinition = {
  label: string
  /** "What this counts": the rule, in the words the report's readers use. */
  note: string
  unit: FigureUnit
  group: FigureGroup
  /** Breakdowns in which the figure means something (articles have no street). */
  dims: readonly Dimension[]
  /** A small count of people or households in a breakdown cell could point at a household: shown as "<5". */
  identifying?: boolean
  /** Which optional source it needs (a collection not yet deployed gives no figure rather than zero). */
  source?: keyof Facts['sources']
  compute: (f: Facts) => number | null
}

const ALL: readonly Dimension[] = dimensions
const PLACE_AND_MONTH: readonly Dimension[] = ['street', 'community', 'month']
const HOLDS_SEAT = new Set(['confirmed', 'attended', 'no-show'])

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null)
const sum = <T>(rows: readonly T[], value: (row: T) => number) => rows.reduce((n, r) => n + value(r), 0)

/** A value derived from one set of facts, computed once however many figures ask for it. */
const derived = <T>(compute: (f: Facts) => T) => {
  const cache = new WeakMap<Facts, T>()
  return (f: Facts): T => {
    let value = cache.get(f)
    if (value === undefined) {
      value = compute(f)
      cache.set(f, value)
    }
    return value
  }
}

/** Sessions with at least one check-in, by id. */
const heldSessionIds = derived((f) => new Set(f.bookings.filter((b) => b.status === 'attended').map((b) => b.session)))
/** Bookings of held sessions (where attendance and no-shows mean something). */
const bookingsOfHeld = (f: Facts): LectureBooking[] => {
  const held = heldSessionIds(f)
  return f.bookings.filter((b) => held.has(b.session))
}
const seats = (rows: LectureBooking[], status: (s: string) => boolean) =>
  sum(
    rows.filter((b) => status(b.status)),
    (b) => b.attendees,
  )
/** Of the confirmed seats (HOLDS_SEAT) of held sessions, the share whose booking status matches. */
const heldSeatShare = (f: Facts, status: (s: string) => boolean) => {
  const rows = bookingsOfHeld(f)
  return ratio(
    seats(rows, status),
    seats(rows, (s) => HOLDS_SEAT.has(s)),
  )
}
const sessionsById = (f: Facts) => new Map<string, LectureSession>(f.sessions.map((s) => [s.id, s]))
const presentChildren = derived((f) => f.holidayAttendance.filter((a) => a.present))
const heldHolidaySessionIds = derived((f) => new Set(presentChildren(f).map((a) => a.session)))
const reached = (f: Facts, state: string) => f.orders.filter((o) => o.reached.includes(state)).length
const DAY_MS = 24 * 60 * 60 * 1000

function median(values: number[]): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

const honourFigure = (level: (typeof honourLevels)[number]) =>
  ({
    label: `${level.label.zh}最美家庭`,
    note: `本期年份内获得${level.label.zh}荣誉的家庭数（同一家庭同级多项荣誉计 1 户；荣誉只记年份，按年份计入）。`,
    unit: 'count',
    group: 'content',
    dims: ['street', 'community'],
    compute: (f) =>
      f.families.filter((fam) => fam.honours.some((h) => h.level === level.value && f.years.includes(h.year))).length,
  }) satisfies FigureDefinition

export const figures = {
  lectureSessionsHeld: {
    label: '大讲堂开展场次',
    note: '本期开始、至少有 1 人签到的场次数；取消或无人签到的场次不计。',
    unit: 'count',
    group: 'lectures',
    dims: ALL,
    compute: (f) => heldSessionIds(f).size,
  },
  parentVisits: {
    label: '服务家长人次',
    note: '已签到报名的到场人数之和（每个报名 1–2 人）；跨多日的场次每天各计一次。',
    unit: 'count',
    group: 'lectures',
    dims: ALL,
    identifying: true,
    compute: (f) => {
      const byId = sessionsById(f)
      return sum(
        f.bookings.filter((b) => b.status === 'attended'),
        (b) => {
          const s = byId.get(b.session)
          return b.attendees * (s ? beijingDaysSpanned(s.startsAt, s.endsAt) : 1)
        },
      )
    },
  },
  lectureHouseholds: {
    label: '大讲堂覆盖家庭数',
    note: '已签到报名的不同家庭数，以手机号的加密摘要区分（不保存、不显示号码）；个人信息删除后摘要仍保留，数字不变。',
    unit: 'count',
    group: 'lectures',
    dims: ALL,
    identifying: true,
    compute: (f) =>
      new Set(f.bookings.filter((b) => b.status === 'attended' && b.household).map((b) => b.household)).size,
  },
  attendanceRate: {
    label: '到课率',
    note: '已开展场次中：签到人数 ÷ 确认人数（确认人数 = 已签到 + 未到场 + 已确认未签到）。',
    unit: 'share',
    group: 'lectures',
    dims: ALL,
    compute: (f) => heldSeatShare(f, (s) => s === 'attended'),
  },
  noShowRate: {
    label: '爽约率',
    note: '已开展场次中：标记为未到场的人数 ÷ 确认人数。',
    unit: 'share',
    group: 'lectures',
    dims: ALL,
    compute: (f) => heldSeatShare(f, (s) => s === 'no-show'),
  },
  occupancy: {
    label: '名额使用率',
    note: '未取消场次的确认人数之和 ÷ 名额之和。',
    unit: 'share',
    group: 'lectures',
    dims: ALL,
    compute: (f) => {
      const open = new Set(f.sessions.filter((s) => s.status !== 'cancelled').map((s) => s.id))
      const capacity = sum(
        f.sessions.filter((s) => open.has(s.id)),
        (s) => s.capacity,
      )
      return ratio(
        seats(
          f.bookings.filter((b) => open.has(b.session)),
          (s) => HOLDS_SEAT.has(s),
        ),
        capacity,
      )
    },
  },
  waitlistConversion: {
    label: '候补转正率',
    note: '曾进入候补的报名中，因有人取消而自动转为确认的比例（转正数 ÷ 候补数）。',
    unit: 'share',
    group: 'lectures',
    dims: ALL,
    compute: (f) => {
      const waited = f.bookings.filter((b) => b.wasWaitlisted)
      return ratio(waited.filter((b) => b.promoted).length, waited.length)
    },
  },
  averageRating: {
    label: '平均评分',
    note: '本期内提交的课程评价（申请单位与家长）的平均分，满分 5 分。',
    unit: 'score',
    group: 'lectures',
    dims: ALL,
    source: 'ratings',
    compute: (f) => (f.ratings.length ? sum(f.ratings, (r) => r.score) / f.ratings.length : null),
  },
  communitiesReached: {
    label: '覆盖社区数',
    note: '本期在该社区举办过至少 1 场已开展活动（大讲堂或无忧假期）的社区数。',
    unit: 'count',
    group: 'lectures',
    dims: ['street', 'month'],
    compute: (f) => {
      const held = heldSessionIds(f)
      const heldHoliday = heldHolidaySessionIds(f)
      const places = [
        ...f.sessions.filter((s) => held.has(s.id)),
        ...f.holidaySessions.filter((s) => heldHoliday.has(s.id)),
      ]
        .filter((s) => s.community)
        .map((s) => `${s.street}\u0000${s.community}`)
      return new Set(places).size
    },
  },
  communitiesTotal: {
    label: '全区社区数',
    note: '社区名录中登记的社区数（按街道筛选时为该街道的社区数）。',
    unit: 'count',
    group: 'lectures',
    dims: ['street'],
    compute: (f) => f.communities.length,
  },
  ordersReceived: {
    label: '收到点单数',
    note: '本期提交的点单申请数（含后来撤回、拒绝的）。',
    unit: 'count',
    group: 'orders',
    dims: ALL,
    source: 'orders',
    compute: (f) => f.orders.length,
  },
  ordersScheduled: {
    label: '点单排期数',
    note: '本期提交的点单中，曾进入“已排期”的单数。',
    unit: 'count',
    group: 'orders',
    dims: ALL,
    source: 'orders',
    compute: (f) => reached(f, 'scheduled'),
  },
  ordersHeld: {
    label: '点单开展数',
    note: '本期提交的点单中，课程已开展（“已开展”或之后）的单数。',
    unit: 'count',
    group: 'orders',
    dims: ALL,
    source: 'orders',
    compute: (f) => reached(f, 'held'),
  },
  ordersRefused: {
    label: '点单拒绝数',
    note: '本期提交的点单中，被区妇联拒绝的单数。',
    unit: 'count',
    group: 'orders',
    dims: ALL,
    source: 'orders',
    compute: (f) => reached(f, 'refused'),
  },
  medianDaysToFirstResponse: {
    label: '首次答复天数（中位数）',
    note: '从提交到区妇联首次答复（受理、要求补充或拒绝）的自然日数的中位数，仅计已答复的点单。',
    unit: 'days',
    group: 'orders',
    dims: ALL,
    source: 'orders',
    compute: (f) =>
      median(
        f.orders
          .filter((o) => o.firstRespondedAt)
          .map((o) => (Date.parse(o.firstRespondedAt as string) - Date.parse(o.createdAt)) / DAY_MS),
      ),
  },
  holidaySessionsHeld: {
    label: '无忧假期开展场次',
    note: '至少有 1 名孩子签到的无忧假期场次数。',
    unit: 'count',
    group: 'holiday',
    dims: PLACE_AND_MONTH,
    source: 'holiday',
    compute: (f) => heldHolidaySessionIds(f).size,
  },
  childVisits: {
    label: '服务儿童人次',
    note: '无忧假期每名孩子每天签到计 1 人次；多日场次每天各计一次。',
    unit: 'count',
    group: 'holiday',
    dims: PLACE_AND_MONTH,
    identifying: true,
    source: 'holiday',
    compute: (f) => presentChildren(f).length,
  },
  holidayHouseholds: {
    label: '无忧假期覆盖家庭数',
    note: '有孩子签到的不同家庭（已验证手机号的家庭账户）数。',
    unit: 'count',
    group: 'holiday',
    dims: PLACE_AND_MONTH,
    identifying: true,
    source: 'holiday',
    compute: (f) => new Set(f.holidayAttendance.filter((a) => a.present && a.household).map((a) => a.household)).size,
  },
  articlesPublished: {
    label: '发布文章数',
    note: '发布时间在本期内、目前仍公开的文章数。',
    unit: 'count',
    group: 'content',
    dims: ['month'],
    compute: (f) => f.articles.length,
  },
  originalShare: {
    label: '原创比例',
    note: '本期发布的文章中，来源为“原创”的比例。',
    unit: 'share',
    group: 'content',
    dims: ['month'],
    compute: (f) => ratio(f.articles.filter((a) => a.origin === 'original').length, f.articles.length),
  },
  familiesNational: honourFigure(honourLevels[0]),
  familiesProvincial: honourFigure(honourLevels[1]),
  familiesMunicipal: honourFigure(honourLevels[2]),
  familiesDistrict: honourFigure(honourLevels[3]),
} satisfies Record<string, FigureDefinition>

export type FigureKey = keyof typeof figures
export const figureKeys = Object.keys(figures) as FigureKey[]
export const figureDefinition = (key: FigureKey): FigureDefinition => figures[key]

/** Values of every figure; `null` when it has nothing to count (a rate without a denominator, a missing source). */
export type FigureValues = Partial<Record<FigureKey, number | null>>

export function computeFigures(f: Facts, keys: readonly FigureKey[] = figureKeys): FigureValues {
  const values: FigureValues = {}
  for (const key of keys) {
    const def: FigureDefinition = figures[key]
    values[key] = def.source && !f.sources[def.source] ? null : def.compute(f)
  }
  return values
}
