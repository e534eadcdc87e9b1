/**
 * npm run bench -- impact: the figures at the 2025 workload (1,100 sessions, 5,000 lecture bookings, 65,000 child
 * check-ins, 300 orders, 2,000 articles, 500 families, a year of page views), written straight into a throwaway
 * SQLite file. Measures the dashboard's figures for a year, a quarter and a month, and the annual snapshot with its
 * XLSX, each against a baseline in the same process: a plain Payload find of the period's bookings (depth 0).
 */
import Database from 'libsql'
import { loadFacts } from '../cms/impact/load.ts'
import { resolvePeriod } from '../cms/impact/period.ts'
import { currentReport } from '../cms/impact/service.ts'
import { reportWorkbook } from '../cms/impact/xlsx.ts'
import { streets } from '../common/district.ts'
import { startTestPayload } from '../tests/helpers/payload.ts'
import { fmt } from './stats.ts'

const YEAR = 2025
const SESSIONS = 1100
const BOOKINGS = 5000
const CHILD_VISITS = 65_000
const HOLIDAY_SESSIONS = 460
const ORDERS = 300
const ARTICLES = 2000
const FAMILIES = 500

type Row = Record<string, unknown>
type Column = { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }

/** Inserts rows into a Payload table, filling every other required column with a neutral (unique) value. */
function inserter(db: Database.Database, table: string) {
  const columns = db.prepare(`PRAGMA table_info(${table})`).all() as Column[]
  if (!columns.length) throw new Error(`no table ${table}`)
  let n = 0
  const statements = new Map<string, ReturnType<Database.Database['prepare']>>()
  const now = new Date().toISOString()
  return (row: Row): number => {
    n++
    const full: Row = { ...row }
    for (const c of columns) {
      if (c.pk || c.name in full || (!c.notnull && !/^(created_at|updated_at)$/.test(c.name))) continue
      if (c.dflt_value !== null && !/^(created_at|updated_at)$/.test(c.name)) continue
      full[c.name] = /_at$|date|^day$/.test(c.name) ? now : /INT|REAL|NUM/i.test(c.type) ? 0 : `${table}-${c.name}-${n}`
    }
    const keys = Object.keys(full).filter((k) => columns.some((c) => c.name === k))
    const sql = `INSERT INTO ${table} (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map((k) => `:${k}`).join(', ')})`
    let statement = statements.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    const args = Object.fromEntries(keys.map((k) => [k, full[k] as never]))
    return Number(statement.run(args).lastInsertRowid)
  }
}

const at = (dayOfYear: number, hour = 10) => new Date(Date.UTC(YEAR, 0, 1 + dayOfYear, hour - 8)).toISOString()
const pick = <T>(list: readonly T[], i: number) => list[i % list.length] as T

function generate(file: string) {
  const db = new Database(file)
  db.exec('PRAGMA foreign_keys = OFF')
  db.exec('BEGIN')
  const category = inserter(db, 'course_categories')
  const categories = Array.from({ length: 8 }, (_, i) => category({ name: `示例类别${i + 1}`, order: i + 1 }))
  const lecturer = inserter(db, 'lecturers')
  const lecturers = Array.from({ length: 30 }, (_, i) => lecturer({ name: `示例讲师${i + 1}` }))
  const course = inserter(db, 'courses')
  const courses = Array.from({ length: 40 }, (_, i) =>
    course({ title: `示例课程${i + 1}`, category_id: pick(categories, i), _status: 'published' }),
  )
  const community = inserter(db, 'communities')
  const communities = Array.from({ length: 100 }, (_, i) =>
    community({ name: `示例社区${i + 1}`, street: pick(streets, i) }),
  )

  const session = inserter(db, 'course_sessions')
  const sessions = Array.from({ length: SESSIONS }, (_, i) => {
    const day = (i * 331) % 365
    return session({
      course_id: pick(courses, i),
      lecturer_id: pick(lecturers, i),
      starts_at: at(day, 10),
      ends_at: at(day, 12),
      venue_street: pick(streets, i),
      venue_community: `示例社区${(i % 100) + 1}`,
      capacity: 40,
      waitlist_size: 10,
      status: i % 50 === 0 ? 'cancelled' : 'completed',
    })
  })
  const booking = inserter(db, 'bookings')
  const statuses = ['attended', 'attended', 'attended', 'attended', 'no-show', 'cancelled', 'attended', 'confirmed']
  for (let i = 0; i < BOOKINGS; i++)
    booking({
      session_id: pick(sessions, i * 7),
      status: pick(statuses, i),
      attendees: 1 + (i % 3 === 0 ? 1 : 0),
      phone: `139${String(10_000_000 + (i % 3500)).slice(-8)}`,
      promoted_at: i % 40 === 0 ? at(10) : null,
      street: pick(streets, i),
    })

  const programme = inserter(db, 'holiday_programmes')({ title: '示例寒假', _status: 'published' })
  const wave = inserter(db, 'holiday_waves')({ programme_id: programme, name: '第一批' })
  const holidaySession = inserter(db, 'holiday_sessions')
  const daysOf = inserter(db, 'holiday_sessions_days')
  const holidaySessions = Array.from({ length: HOLIDAY_SESSIONS }, (_, i) => {
    const id = holidaySession({
      programme_id: programme,
      wave_id: wave,
      venue_street: pick(streets, i),
      venue_community: `示例社区${(i % 100) + 1}`,
      capacity: 30,
    })
    const first = i < 230 ? 20 + (i % 20) : 190 + (i % 40)
    const days = [first, first + 1, first + 2].map((d) => at(d).slice(0, 10))
    days.forEach((date, j) => {
      daysOf({ _order: j + 1, _parent_id: id, id: `d-${id}-${j}`, date })
    })
    return { id, days }
  })
  const registration = inserter(db, 'holiday_registrations')
  const attendance = inserter(db, 'holiday_attendance')
  const household = inserter(db, 'households')
  const households = Array.from({ length: 8000 }, (_, i) => household({ phone: `137${String(i).padStart(8, '0')}` }))
  let visits = 0
  for (let r = 0; visits < CHILD_VISITS; r++) {
    const s = pick(holidaySessions, r)
    const reg = registration({
      session_id: s.id,
      wave_id: wave,
      household_id: pick(households, r * 13),
      status: 'confirmed',
    })
    for (const day of s.days) {
      if (visits >= CHILD_VISITS) break
      attendance({ registration_id: reg, session_id: s.id, day, status: 'present' })
      visits++
    }
  }

  const order = inserter(db, 'course_orders')
  const event = inserter(db, 'order_events')
  const path = ['submitted', 'accepted', 'scheduling', 'scheduled', 'held', 'closed']
  for (let i = 0; i < ORDERS; i++) {
    const reached = i % 10 === 0 ? ['submitted', 'refused'] : path.slice(0, 2 + (i % 5))
    const createdAt = at((i * 7) % 365)
    const id = order({
      street: pick(streets, i),
      community_id: pick(communities, i),
      course_id: pick(courses, i),
      state: reached.at(-1),
      created_at: createdAt,
      first_responded_at: new Date(Date.parse(createdAt) + (1 + (i % 4)) * 86400e3).toISOString(),
    })
    reached.forEach((toState, j) => {
      event({ order_id: id, at: createdAt, from_state: j ? reached[j - 1] : null, to_state: toState, action: 'x' })
    })
  }
  const rating = inserter(db, 'ratings')
  for (let i = 0; i < 1000; i++)
    rating({
      session_id: pick(sessions, i),
      course_id: pick(courses, i),
      score: 3 + (i % 3),
      created_at: at(i % 365),
      unique_key: `r-${i}`,
    })

  const article = inserter(db, 'articles')
  for (let i = 0; i < ARTICLES; i++)
    article({
      title: `示例文章${i}`,
      slug: `sample-article-${i}`,
      origin: i % 4 === 3 ? 'reprint' : 'original',
      published_at: at(i % 365),
      _status: 'published',
    })
  const family = inserter(db, 'families')
  const honour = inserter(db, 'families_honours')
  for (let i = 0; i < FAMILIES; i++) {
    const id = family({
      family_name: `示例家庭${i}`,
      slug: `sample-family-${i}`,
      street: pick(streets, i),
      _status: 'published',
    })
    honour({
      _order: 1,
      _parent_id: id,
      id: `h-${i}`,
      title: '最美家庭',
      level: pick(['national', 'provincial', 'municipal', 'district'], i),
      year: YEAR,
    })
  }
  const view = inserter(db, 'page_views')
  for (let d = 0; d < 365; d++)
    for (let p = 0; p < 150; p++)
      view({
        path:
          p % 3 ? `/articles/sample-article-${(p * 13 + d) % ARTICLES}/` : `/families/sample-family-${p % FAMILIES}/`,
        day: at(d).slice(0, 10),
        views: 1 + ((p * d) % 40),
      })
  db.exec('COMMIT')
  db.close()
}

const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now()
  const value = await work()
  return [value, performance.now() - started]
}

export async function benchImpact() {
  // A throwaway database with the schema pushed, as in the tests.
  Object.assign(process.env, { NODE_ENV: 'test' })
  const ctx = await startTestPayload()
  try {
    const file = String(process.env.DATABASE_URI).replace(/^file:/, '')
    const [, generated] = await time(async () => generate(file))
    const { payload } = ctx
    const periods = [
      resolvePeriod({ kind: 'year', year: YEAR }),
      resolvePeriod({ kind: 'quarter', year: YEAR, quarter: 3 }),
      resolvePeriod({ kind: 'month', year: YEAR, month: 1 }),
    ]
    // Warm up (V8 compiles the paths once), as a running server has.
    await currentReport(payload, periods[0] as never, null)
    const rows: Record<string, Record<string, string>> = {}
    for (const period of periods) {
      const [, baseline] = await time(() =>
        payload.find({
          collection: 'bookings',
          where: { createdAt: { exists: true } },
          depth: 0,
          pagination: false,
        }),
      )
      const [facts, loaded] = await time(() => loadFacts(payload, period, null))
      const [report, total] = await time(() => currentReport(payload, period, null))
      rows[`dashboard ${period.label}`] = {
        ms: fmt(total),
        'loading ms': fmt(loaded),
        'baseline ms': fmt(baseline),
        'ratio to baseline': fmt(total / baseline, 2),
        'budget ms': '1000',
        'lecture sessions held': String(report.totals.lectureSessionsHeld),
        'child-visits': String(report.totals.childVisits ?? facts.holidayAttendance.length),
      }
    }
    const year = periods[0] as (typeof periods)[number]
    const [, baseline] = await time(() => payload.find({ collection: 'bookings', depth: 0, pagination: false }))
    const [xlsx, ms] = await time(async () => {
      const report = await currentReport(payload, year, null)
      const doc = await payload.create({
        collection: 'impact-reports',
        data: {
          title: `${year.label}福家工作数据`,
          periodKey: year.key,
          periodLabel: year.label,
          figures: report as never,
        },
      })
      return reportWorkbook(report, { title: doc.title, createdAt: doc.createdAt })
    })
    rows[`annual snapshot + XLSX ${year.label}`] = {
      ms: fmt(ms),
      'loading ms': '',
      'baseline ms': fmt(baseline),
      'ratio to baseline': fmt(ms / baseline, 2),
      'budget ms': '5000',
      'lecture sessions held': '',
      'child-visits': `${Math.round(xlsx.length / 1024)} KB XLSX`,
    }
    console.log(
      `\nFigures at the 2025 workload (${SESSIONS} sessions, ${BOOKINGS} bookings, ${CHILD_VISITS} child check-ins, ${ORDERS} orders, ${ARTICLES} articles; generated in ${fmt(generated)} ms). Baseline: a plain Payload find of all ${BOOKINGS} bookings (depth 0).`,
    )
    console.table(rows)
  } finally {
    await ctx.close()
  }
}
