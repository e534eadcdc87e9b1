import Database from 'libsql'
import type { Payload } from 'payload'
import { sqliteFile } from '../lib/storePerPayload.ts'
import type { Facts } from './facts.ts'
import { emptyFacts } from './facts.ts'
import { householdKey } from './load.ts'
import { beijingDay, type Period, periodYears } from './period.ts'

type Row = Record<string, unknown>
const s = (v: unknown) => (v == null ? '' : String(v))
const readers = new WeakMap<Payload, Database.Database>()

/**
 * The facts of a period read with SQL aggregates-ready queries on SQLite: one query per source, joined in the
 * database, instead of Payload's document reads (20 s → well under a second for a year of the 2025 workload; see
 * bench/impact.ts). Same facts as load.ts (the Payload path, used on MongoDB); tests/int/impact.test.ts holds the
 * two to the same answer. Read-only, on a connection of its own.
 */
export function sqliteFacts(payload: Payload, period: Period, streets: string[] | null): Facts {
  let db = readers.get(payload)
  if (!db) {
    db = new Database(sqliteFile(payload))
    db.exec('PRAGMA busy_timeout = 5000')
    readers.set(payload, db)
  }
  const conn = db
  const tables = new Set(
    (conn.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Row[]).map((r) => s(r.name)),
  )
  const columns = (table: string) =>
    new Set((conn.prepare(`PRAGMA table_info(${table})`).all() as Row[]).map((r) => s(r.name)))
  const profile = process.env.IMPACT_PROFILE === '1'
  const all = (sql: string, args: Row = {}) => {
    const started = performance.now()
    const rows = conn.prepare(sql).all(args) as Row[]
    if (profile)
      console.log(
        `${Math.round(performance.now() - started)} ms ${rows.length} rows ${sql.slice(0, 60).replace(/\s+/g, ' ')}`,
      )
    return rows
  }
  const inStreets = (column: string) =>
    streets ? ` AND ${column} IN (${streets.map((_, i) => `:street${i}`).join(', ')})` : ''
  const streetArgs = Object.fromEntries((streets ?? []).map((street, i) => [`street${i}`, street]))
  const span = { from: period.from, to: period.to, ...streetArgs }

  const facts = emptyFacts()
  facts.years = periodYears(period)
  facts.sources = {
    orders: tables.has('course_orders') && tables.has('order_events'),
    ratings: tables.has('ratings'),
    holiday: tables.has('holiday_attendance') && tables.has('holiday_sessions') && tables.has('holiday_registrations'),
  }

  const categoryName = new Map(all(`SELECT id, name FROM course_categories`).map((r) => [s(r.id), s(r.name)]))
  const lecturerName = new Map(all(`SELECT id, name FROM lecturers`).map((r) => [s(r.id), s(r.name)]))
  const firstLecturer = new Map(
    all(
      `SELECT parent_id, lecturers_id FROM courses_rels WHERE path = 'lecturers' AND lecturers_id IS NOT NULL
       ORDER BY parent_id, "order" DESC`,
    ).map((r) => [s(r.parent_id), s(r.lecturers_id)]),
  )
  const course = new Map(
    all(`SELECT id, title, category_id FROM courses`).map((r) => [
      s(r.id),
      {
        title: s(r.title),
        category: categoryName.get(s(r.category_id)) ?? '',
        lecturer: lecturerName.get(firstLecturer.get(s(r.id)) ?? '') ?? '',
      },
    ]),
  )
  const teaching = (courseId: string, lecturerId: unknown) => {
    const c = course.get(courseId)
    return {
      courseId,
      courseTitle: c?.title ?? '',
      category: c?.category ?? '',
      lecturer: (lecturerId != null ? lecturerName.get(s(lecturerId)) : undefined) ?? c?.lecturer ?? '',
    }
  }
  const communities = tables.has('communities')
    ? all(`SELECT id, name, street FROM communities WHERE 1 = 1${inStreets('street')}`, streetArgs)
    : []
  facts.communities = communities.map((c) => ({ name: s(c.name), street: s(c.street) }))
  const communityName = new Map(communities.map((c) => [s(c.id), s(c.name)]))

  const lecturerColumn = columns('course_sessions').has('lecturer_id') ? 'lecturer_id' : 'NULL'
  facts.sessions = all(
    `SELECT id, course_id, ${lecturerColumn} AS lecturer_id, starts_at, ends_at, venue_street, venue_community, capacity, status
     FROM course_sessions WHERE starts_at >= :from AND starts_at < :to${inStreets('venue_street')}`,
    span,
  ).map((r) => ({
    id: s(r.id),
    ...teaching(s(r.course_id), r.lecturer_id),
    street: s(r.venue_street),
    community: s(r.venue_community),
    startsAt: s(r.starts_at),
    endsAt: s(r.ends_at) || null,
    capacity: Number(r.capacity) || 0,
    status: s(r.status),
  }))
  const kept = tables.has('booking_households')
  facts.bookings = all(
    `SELECT b.id, b.session_id, b.status, b.attendees, b.phone, b.promoted_at, b.anonymised_at,
       ${kept ? 'k.household' : 'NULL'} AS kept,
       EXISTS (SELECT 1 FROM notifications n WHERE n.booking_id = b.id AND n.kind = 'waitlisted') AS waited
     FROM bookings b JOIN course_sessions cs ON cs.id = b.session_id
     ${kept ? 'LEFT JOIN booking_households k ON k.booking_id = b.id' : ''}
     WHERE cs.starts_at >= :from AND cs.starts_at < :to${inStreets('cs.venue_street')}`,
    span,
  ).map((b) => ({
    session: s(b.session_id),
    status: s(b.status),
    attendees: Number(b.attendees) || 1,
    promoted: Boolean(b.promoted_at),
    wasWaitlisted: Boolean(b.promoted_at) || b.status === 'waitlisted' || Boolean(b.waited),
    household: b.anonymised_at ? s(b.kept) || `booking:${s(b.id)}` : householdKey(payload.secret, s(b.phone)),
  }))

  if (facts.sources.orders) {
    const reached = new Map<string, string[]>()
    for (const e of all(
      `SELECT e.order_id, e.to_state FROM order_events e JOIN course_orders o ON o.id = e.order_id
       WHERE o.created_at >= :from AND o.created_at < :to`,
      span,
    ))
      reached.set(s(e.order_id), [...(reached.get(s(e.order_id)) ?? []), s(e.to_state)])
    facts.orders = all(
      `SELECT id, created_at, street, community_id, course_id, state, first_responded_at FROM course_orders
       WHERE created_at >= :from AND created_at < :to${inStreets('street')}`,
      span,
    ).map((o) => ({
      id: s(o.id),
      createdAt: s(o.created_at),
      street: s(o.street),
      community: communityName.get(s(o.community_id)) ?? '',
      ...teaching(s(o.course_id), null),
      state: s(o.state),
      reached: [...new Set([...(reached.get(s(o.id)) ?? []), s(o.state)])],
      firstRespondedAt: s(o.first_responded_at) || null,
    }))
  }
  if (facts.sources.ratings)
    facts.ratings = all(
      `SELECT r.session_id, r.course_id, r.lecturer_id, r.score, r.created_at, cs.venue_street, cs.venue_community
       FROM ratings r LEFT JOIN course_sessions cs ON cs.id = r.session_id
       WHERE r.created_at >= :from AND r.created_at < :to${streets ? inStreets('cs.venue_street') : ''}`,
      span,
    ).map((r) => ({
      session: s(r.session_id) || null,
      ...teaching(s(r.course_id), r.lecturer_id),
      street: s(r.venue_street),
      community: s(r.venue_community),
      at: s(r.created_at),
      score: Number(r.score),
    }))
  if (facts.sources.holiday) {
    const days = { fromDay: beijingDay(period.from), toDay: beijingDay(period.to), ...streetArgs }
    // The largest read (a child per day): rows as arrays, which the driver builds several times faster than objects.
    const started = performance.now()
    const keptRegistrations = kept && columns('booking_households').has('registration_id')
    const rows = conn
      .prepare(
        `SELECT a.session_id, a.day, a.status = 'present', COALESCE(r.household_id, ${keptRegistrations ? 'k.household' : 'NULL'})
         FROM holiday_attendance a
         JOIN holiday_sessions hs ON hs.id = a.session_id
         LEFT JOIN holiday_registrations r ON r.id = a.registration_id
         ${keptRegistrations ? 'LEFT JOIN booking_households k ON k.registration_id = a.registration_id' : ''}
         WHERE a.day >= :fromDay AND a.day < :toDay${inStreets('hs.venue_street')}`,
      )
      .raw(true)
      .all(days) as unknown as [unknown, unknown, unknown, unknown][]
    if (profile) console.log(`${Math.round(performance.now() - started)} ms ${rows.length} attendance rows (raw)`)
    facts.holidayAttendance = rows.map(([session, day, present, household]) => ({
      session: s(session),
      day: s(day),
      present: Boolean(present),
      household: household == null ? null : s(household),
    }))
    const ids = [...new Set(facts.holidayAttendance.map((a) => a.session))]
    const dayRows = tables.has('holiday_sessions_days')
      ? all(`SELECT _parent_id, date FROM holiday_sessions_days ORDER BY _parent_id, _order`)
      : []
    const daysOf = new Map<string, string[]>()
    for (const d of dayRows) daysOf.set(s(d._parent_id), [...(daysOf.get(s(d._parent_id)) ?? []), s(d.date)])
    const wanted = new Set(ids)
    facts.holidaySessions = all(`SELECT id, venue_street, venue_community, capacity FROM holiday_sessions`)
      .filter((h) => wanted.has(s(h.id)))
      .map((h) => ({
        id: s(h.id),
        street: s(h.venue_street),
        community: s(h.venue_community),
        days: daysOf.get(s(h.id)) ?? [],
        capacity: Number(h.capacity) || 0,
      }))
  }
  facts.articles = all(
    `SELECT published_at, origin FROM articles WHERE _status = 'published' AND published_at >= :from AND published_at < :to`,
    { from: period.from, to: period.to },
  ).map((a) => ({ publishedAt: s(a.published_at), origin: s(a.origin) || 'original' }))
  const honours = new Map<string, { level: string; year: number }[]>()
  for (const h of all(`SELECT _parent_id, level, year FROM families_honours`))
    honours.set(s(h._parent_id), [...(honours.get(s(h._parent_id)) ?? []), { level: s(h.level), year: Number(h.year) }])
  facts.families = all(
    `SELECT id, street, community FROM families WHERE _status = 'published'${inStreets('street')}`,
    streetArgs,
  ).map((f) => ({ street: s(f.street), community: s(f.community), honours: honours.get(s(f.id)) ?? [] }))
  return facts
}
