import { createHmac } from 'node:crypto'
import type { CollectionSlug, Payload, Where } from 'payload'
import { normalisePhone } from '../../common/phone.ts'
import type { Facts, HolidayAttendanceFact, LectureBooking } from './facts.ts'
import { emptyFacts } from './facts.ts'
import { type Period, periodYears } from './period.ts'

/**
 * Reads one period's facts through the Payload Local API (the same code on SQLite and MongoDB), selecting only the
 * fields the figures need. Street-scoped coordinators pass their streets; everything is limited to them.
 * Optional collections (orders, ratings, holiday) are read only where this installation has them.
 */

type Doc = Record<string, unknown>
const CHUNK = 500
const idOf = (v: unknown): string =>
  v && typeof v === 'object' && 'id' in v ? String((v as { id: unknown }).id) : v == null ? '' : String(v)
const text = (v: unknown) => (typeof v === 'string' ? v : '')

const has = (payload: Payload, slug: string) => Boolean(payload.collections[slug as CollectionSlug])
const hasField = (payload: Payload, slug: string, field: string) =>
  Boolean(payload.collections[slug as CollectionSlug]?.config.flattenedFields.some((f) => f.name === field))

async function findAll(payload: Payload, slug: string, where: Where, select: Record<string, true>): Promise<Doc[]> {
  const result = await payload.find({
    collection: slug as CollectionSlug,
    where,
    select: select as never,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return result.docs as unknown as Doc[]
}

/** Rows whose `field` is one of `ids`, in chunks (a database has a limit on bound parameters). */
async function findIn(payload: Payload, slug: string, field: string, ids: string[], select: Record<string, true>) {
  const out: Doc[] = []
  for (let i = 0; i < ids.length; i += CHUNK)
    out.push(...(await findAll(payload, slug, { [field]: { in: ids.slice(i, i + CHUNK) } }, select)))
  return out
}

const during = (field: string, period: Period): Where => ({
  and: [{ [field]: { greater_than_equal: period.from } }, { [field]: { less_than: period.to } }],
})
const within = (streets: string[] | null, path: string): Where[] => (streets ? [{ [path]: { in: streets } }] : [])

/** A household's key: a keyed hash of the normalised phone, so figures never hold a number. */
export const householdKey = (secret: string, phone: string) =>
  createHmac('sha256', secret)
    .update(`impact-household:${normalisePhone(phone) ?? phone}`)
    .digest('base64url')
    .slice(0, 22)

/** The facts of a period: SQL on SQLite (sqliteFacts.ts), Payload's Local API on MongoDB. */
export async function loadFacts(payload: Payload, period: Period, streets: string[] | null = null): Promise<Facts> {
  if (payload.db.name === 'sqlite') {
    const { sqliteFacts } = await import('./sqliteFacts.ts')
    return sqliteFacts(payload, period, streets)
  }
  return loadFactsThroughPayload(payload, period, streets)
}

/** The facts of a period through Payload's Local API: the same code on every database (MongoDB uses it). */
export async function loadFactsThroughPayload(
  payload: Payload,
  period: Period,
  streets: string[] | null = null,
): Promise<Facts> {
  const facts = emptyFacts()
  facts.years = periodYears(period)
  facts.sources = {
    orders: has(payload, 'course-orders'),
    ratings: has(payload, 'ratings'),
    holiday: has(payload, 'holiday-attendance') && has(payload, 'holiday-sessions'),
  }

  const [courses, categories, lecturers, communities] = await Promise.all([
    findAll(payload, 'courses', {}, { title: true, category: true, lecturers: true }),
    findAll(payload, 'course-categories', {}, { name: true }),
    findAll(payload, 'lecturers', {}, { name: true }),
    has(payload, 'communities')
      ? findAll(payload, 'communities', { and: within(streets, 'street') }, { name: true, street: true })
      : [],
  ])
  const categoryName = new Map(categories.map((c) => [idOf(c.id), text(c.name)]))
  const lecturerName = new Map(lecturers.map((l) => [idOf(l.id), text(l.name)]))
  const course = new Map(
    courses.map((c) => {
      const first = Array.isArray(c.lecturers) ? c.lecturers[0] : undefined
      return [
        idOf(c.id),
        {
          title: text(c.title),
          category: categoryName.get(idOf(c.category)) ?? '',
          lecturer: lecturerName.get(idOf(first)) ?? '',
        },
      ]
    }),
  )
  const teaching = (courseId: string, lecturerId?: unknown) => {
    const c = course.get(courseId)
    return {
      courseId,
      courseTitle: c?.title ?? '',
      category: c?.category ?? '',
      lecturer: (lecturerId ? lecturerName.get(idOf(lecturerId)) : undefined) ?? c?.lecturer ?? '',
    }
  }
  facts.communities = communities.map((c) => ({ name: text(c.name), street: text(c.street) }))
  const communityName = new Map(communities.map((c) => [idOf(c.id), text(c.name)]))

  // 福家大讲堂: sessions starting in the period and their bookings.
  const sessionLecturer = hasField(payload, 'course-sessions', 'lecturer')
  const sessions = await findAll(
    payload,
    'course-sessions',
    { and: [during('startsAt', period), ...within(streets, 'venue.street')] },
    {
      course: true,
      startsAt: true,
      endsAt: true,
      venue: true,
      capacity: true,
      status: true,
      ...(sessionLecturer ? { lecturer: true } : {}),
    },
  )
  facts.sessions = sessions.map((s) => {
    const venue = (s.venue ?? {}) as Doc
    return {
      id: idOf(s.id),
      ...teaching(idOf(s.course), s.lecturer),
      street: text(venue.street),
      community: text(venue.community),
      startsAt: text(s.startsAt),
      endsAt: text(s.endsAt) || null,
      capacity: Number(s.capacity) || 0,
      status: text(s.status),
    }
  })
  facts.bookings = await loadBookings(
    payload,
    facts.sessions.map((s) => s.id),
  )

  const [orders, ratings, holiday, articles, families] = await Promise.all([
    facts.sources.orders ? loadOrders(payload, period, streets, teaching, communityName) : [],
    facts.sources.ratings ? loadRatings(payload, period, streets, teaching) : [],
    facts.sources.holiday ? loadHoliday(payload, period, streets) : { sessions: [], attendance: [] },
    // Articles belong to the whole district: a street-scoped view shows them too.
    findAll(
      payload,
      'articles',
      { and: [during('publishedAt', period), { _status: { equals: 'published' } }] },
      { publishedAt: true, origin: true },
    ),
    findAll(
      payload,
      'families',
      { and: [{ _status: { equals: 'published' } }, ...within(streets, 'street')] },
      { street: true, community: true, honours: true },
    ),
  ])
  facts.orders = orders
  facts.ratings = ratings
  facts.holidaySessions = holiday.sessions
  facts.holidayAttendance = holiday.attendance
  facts.articles = articles.map((a) => ({ publishedAt: text(a.publishedAt), origin: text(a.origin) || 'original' }))
  facts.families = families.map((f) => ({
    street: text(f.street),
    community: text(f.community),
    honours: (Array.isArray(f.honours) ? (f.honours as Doc[]) : []).map((h) => ({
      level: text(h.level),
      year: Number(h.year),
    })),
  }))
  return facts
}

async function loadBookings(payload: Payload, sessionIds: string[]): Promise<LectureBooking[]> {
  const rows = await findIn(payload, 'bookings', 'session', sessionIds, {
    session: true,
    status: true,
    attendees: true,
    phone: true,
    promotedAt: true,
    anonymisedAt: true,
  })
  // Whether a booking that left (cancelled) or is still waiting was ever on the waitlist: the outbox records the
  // status each booking was taken with ("waitlisted"), and keeps that row when personal data is removed.
  const unsure = rows.filter((b) => !b.promotedAt && b.status === 'cancelled').map((b) => idOf(b.id))
  const waited = new Set(
    (
      await findIn(payload, 'notifications', 'booking', unsure, { booking: true, kind: true }).then((n) =>
        n.filter((x) => x.kind === 'waitlisted'),
      )
    ).map((n) => idOf(n.booking)),
  )
  const anonymised = rows.filter((b) => b.anonymisedAt).map((b) => idOf(b.id))
  const kept = new Map(
    (await findIn(payload, 'booking-households', 'booking', anonymised, { booking: true, household: true })).map(
      (k) => [idOf(k.booking), text(k.household)],
    ),
  )
  return rows.map((b) => {
    const id = idOf(b.id)
    return {
      session: idOf(b.session),
      status: text(b.status),
      attendees: Number(b.attendees) || 1,
      promoted: Boolean(b.promotedAt),
      wasWaitlisted: Boolean(b.promotedAt) || b.status === 'waitlisted' || waited.has(id),
      household: b.anonymisedAt ? (kept.get(id) ?? `booking:${id}`) : householdKey(payload.secret, text(b.phone)),
    }
  })
}

type Teaching = (
  courseId: string,
  lecturerId?: unknown,
) => {
  courseId: string
  courseTitle: string
  category: string
  lecturer: string
}

async function loadOrders(
  payload: Payload,
  period: Period,
  streets: string[] | null,
  teaching: Teaching,
  communityName: Map<string, string>,
) {
  const orders = await findAll(
    payload,
    'course-orders',
    { and: [during('createdAt', period), ...within(streets, 'street')] },
    { createdAt: true, street: true, community: true, course: true, state: true, firstRespondedAt: true },
  )
  const events = await findIn(
    payload,
    'order-events',
    'order',
    orders.map((o) => idOf(o.id)),
    { order: true, toState: true },
  )
  const reached = new Map<string, string[]>()
  for (const e of events) reached.set(idOf(e.order), [...(reached.get(idOf(e.order)) ?? []), text(e.toState)])
  return orders.map((o) => ({
    id: idOf(o.id),
    createdAt: text(o.createdAt),
    street: text(o.street),
    // The order's community is a relation to the communities list (a name in older data).
    community: communityName.get(idOf(o.community)) ?? text(o.community),
    ...teaching(idOf(o.course)),
    state: text(o.state),
    reached: [...new Set([...(reached.get(idOf(o.id)) ?? []), text(o.state)])],
    firstRespondedAt: text(o.firstRespondedAt) || null,
  }))
}

async function loadRatings(payload: Payload, period: Period, streets: string[] | null, teaching: Teaching) {
  const ratings = await findAll(payload, 'ratings', during('createdAt', period), {
    session: true,
    course: true,
    lecturer: true,
    score: true,
    createdAt: true,
  })
  const sessions = await findIn(
    payload,
    'course-sessions',
    'id',
    [...new Set(ratings.map((r) => idOf(r.session)).filter(Boolean))],
    { venue: true },
  )
  const place = new Map(sessions.map((s) => [idOf(s.id), (s.venue ?? {}) as Doc]))
  return ratings
    .map((r) => {
      const venue = place.get(idOf(r.session)) ?? {}
      return {
        session: idOf(r.session) || null,
        ...teaching(idOf(r.course), r.lecturer),
        street: text(venue.street),
        community: text(venue.community),
        at: text(r.createdAt),
        score: Number(r.score),
      }
    })
    .filter((r) => Number.isFinite(r.score) && (!streets || streets.includes(r.street)))
}

async function loadHoliday(payload: Payload, period: Period, streets: string[] | null) {
  const fromDay = new Date(Date.parse(period.from) + 8 * 3600e3).toISOString().slice(0, 10)
  const toDay = new Date(Date.parse(period.to) + 8 * 3600e3).toISOString().slice(0, 10)
  const rows = await findAll(
    payload,
    'holiday-attendance',
    { and: [{ day: { greater_than_equal: fromDay } }, { day: { less_than: toDay } }] },
    { session: true, day: true, status: true, registration: true },
  )
  const registrations = await findIn(
    payload,
    'holiday-registrations',
    'id',
    [...new Set(rows.map((a) => idOf(a.registration)))],
    { household: true },
  )
  // A registration's household, or the one kept for the figures when retention cleared it (households.ts).
  const keptHouseholds = new Map(
    (
      await findIn(
        payload,
        'booking-households',
        'registration',
        registrations.filter((r) => !r.household).map((r) => idOf(r.id)),
        { registration: true, household: true },
      )
    ).map((k) => [idOf(k.registration), text(k.household)]),
  )
  const householdOf = new Map(
    registrations.map((r) => [idOf(r.id), idOf(r.household) || keptHouseholds.get(idOf(r.id)) || null]),
  )
  const attendance: HolidayAttendanceFact[] = rows.map((a) => ({
    session: idOf(a.session),
    day: text(a.day),
    present: a.status === 'present',
    household: householdOf.get(idOf(a.registration)) ?? null,
  }))
  const sessionIds = [...new Set(attendance.map((a) => a.session))]
  const sessions = await findIn(payload, 'holiday-sessions', 'id', sessionIds, {
    venue: true,
    days: true,
    capacity: true,
  })
  const facts = sessions
    .map((s) => {
      const venue = (s.venue ?? {}) as Doc
      return {
        id: idOf(s.id),
        street: text(venue.street),
        community: text(venue.community),
        days: (Array.isArray(s.days) ? (s.days as Doc[]) : []).map((d) => text(d.date)),
        capacity: Number(s.capacity) || 0,
      }
    })
    .filter((s) => !streets || streets.includes(s.street))
  const kept = new Set(facts.map((s) => s.id))
  return {
    sessions: facts,
    attendance: attendance.filter((a: HolidayAttendanceFact) => kept.has(a.session)),
  }
}
