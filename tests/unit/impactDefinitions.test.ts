import { describe, expect, it } from 'vitest'
import { computeFigures, figureKeys, figures } from '../../cms/impact/definitions.ts'
import { emptyFacts, type Facts, type LectureBooking, type LectureSession } from '../../cms/impact/facts.ts'
import { compareReports, formatFigure, headlineSentences } from '../../cms/impact/format.ts'
import { beijingDaysSpanned, periodFromSearch, periodYears, resolvePeriod } from '../../cms/impact/period.ts'
import { breakdown, buildReport } from '../../cms/impact/report.ts'

const session = (id: string, over: Partial<LectureSession> = {}): LectureSession => ({
  id,
  courseId: 'c1',
  courseTitle: '亲子沟通',
  category: '亲子关系',
  lecturer: '王老师',
  street: '福田街道',
  community: '岗厦社区',
  startsAt: '2026-03-07T02:00:00.000Z',
  endsAt: '2026-03-07T04:00:00.000Z',
  capacity: 10,
  status: 'completed',
  ...over,
})
const booking = (sessionId: string, status: string, over: Partial<LectureBooking> = {}): LectureBooking => ({
  session: sessionId,
  status,
  attendees: 1,
  wasWaitlisted: false,
  promoted: false,
  household: `h-${Math.random()}`,
  ...over,
})
const facts = (over: Partial<Facts>): Facts => ({ ...emptyFacts(), years: [2026], ...over })

describe('figures (口径) on hand-built cases', () => {
  it('every figure has a Chinese label and a note saying what it counts', () => {
    for (const key of figureKeys) {
      const def = figures[key]
      expect(def.label).toMatch(/[\u4e00-\u9fa5]/)
      expect(def.note.length).toBeGreaterThan(10)
    }
  })

  it('a session is held only with a check-in; cancelled and empty ones are not', () => {
    const f = facts({
      sessions: [session('a'), session('b'), session('c', { status: 'cancelled' })],
      bookings: [booking('a', 'attended'), booking('b', 'no-show'), booking('c', 'cancelled')],
    })
    expect(computeFigures(f).lectureSessionsHeld).toBe(1)
  })

  it('person-visits count attendees and each day of a multi-day session', () => {
    const f = facts({
      sessions: [
        session('a'),
        session('two-days', { startsAt: '2026-03-07T01:00:00Z', endsAt: '2026-03-08T09:00:00Z' }),
      ],
      bookings: [
        booking('a', 'attended', { attendees: 2 }),
        booking('two-days', 'attended', { attendees: 1 }),
        booking('two-days', 'no-show', { attendees: 2 }),
        booking('a', 'cancelled', { attendees: 2 }),
      ],
    })
    expect(computeFigures(f).parentVisits).toBe(2 + 1 * 2)
    // Beijing days: 23:30 UTC is the next morning in Shenzhen.
    expect(beijingDaysSpanned('2026-03-06T23:30:00Z', '2026-03-07T02:00:00Z')).toBe(1)
    expect(beijingDaysSpanned('2026-03-06T15:30:00Z', '2026-03-06T16:30:00Z')).toBe(2)
  })

  it('households are distinct keys of checked-in bookings, whatever else the rows say', () => {
    const f = facts({
      sessions: [session('a'), session('b')],
      bookings: [
        booking('a', 'attended', { household: 'x' }),
        booking('b', 'attended', { household: 'x' }),
        booking('b', 'attended', { household: 'y' }),
        booking('b', 'no-show', { household: 'z' }),
      ],
    })
    expect(computeFigures(f).lectureHouseholds).toBe(2)
  })

  it('attendance and no-show rates are over the confirmed seats of held sessions', () => {
    const f = facts({
      sessions: [session('a'), session('future', { status: 'scheduled' })],
      bookings: [
        booking('a', 'attended', { attendees: 2 }),
        booking('a', 'attended'),
        booking('a', 'no-show'),
        booking('a', 'cancelled', { attendees: 2 }),
        booking('a', 'waitlisted'),
        booking('future', 'confirmed', { attendees: 2 }),
      ],
    })
    const v = computeFigures(f)
    expect(v.attendanceRate).toBeCloseTo(3 / 4)
    expect(v.noShowRate).toBeCloseTo(1 / 4)
    // Occupancy: seats held (a: 4, future: 2) over capacity of both sessions.
    expect(v.occupancy).toBeCloseTo(6 / 20)
  })

  it('occupancy leaves cancelled sessions out; rates without a denominator are empty, not zero', () => {
    const f = facts({ sessions: [session('x', { status: 'cancelled' })], bookings: [] })
    const v = computeFigures(f)
    expect(v.occupancy).toBeNull()
    expect(v.attendanceRate).toBeNull()
    expect(formatFigure('attendanceRate', v.attendanceRate)).toBe('—')
  })

  it('waitlist conversion: promoted over ever waitlisted (including those who left while waiting)', () => {
    const f = facts({
      sessions: [session('a')],
      bookings: [
        booking('a', 'attended', { wasWaitlisted: true, promoted: true }),
        booking('a', 'cancelled', { wasWaitlisted: true }),
        booking('a', 'waitlisted', { wasWaitlisted: true }),
        booking('a', 'confirmed', { wasWaitlisted: true, promoted: true }),
        booking('a', 'attended'),
      ],
    })
    expect(computeFigures(f).waitlistConversion).toBe(0.5)
  })

  it('anonymising bookings (names and phones gone, keys kept) changes no figure', () => {
    const before = facts({
      sessions: [session('a'), session('b', { community: '福山社区' })],
      bookings: [
        booking('a', 'attended', { household: 'k1' }),
        booking('b', 'attended', { household: 'k1', wasWaitlisted: true, promoted: true }),
        booking('b', 'no-show', { household: 'k2' }),
      ],
    })
    // What survives anonymisation: status, attendees, the session, the waitlist marks and the household key.
    const after = { ...before, bookings: before.bookings.map((b) => ({ ...b })) }
    expect(buildReport(after, resolvePeriod({ kind: 'year', year: 2026 }), { now: new Date(0) })).toEqual(
      buildReport(before, resolvePeriod({ kind: 'year', year: 2026 }), { now: new Date(0) }),
    )
  })

  it('orders: received, scheduled, held, refused by the states reached; median days to first response', () => {
    const order = (id: string, reached: string[], hours: number | null) => ({
      id,
      createdAt: '2026-04-01T00:00:00Z',
      street: '福田街道',
      community: '岗厦社区',
      courseId: 'c1',
      courseTitle: '亲子沟通',
      category: '亲子关系',
      lecturer: '',
      reached,
      state: reached.at(-1) ?? 'submitted',
      firstRespondedAt:
        hours === null ? null : new Date(Date.parse('2026-04-01T00:00:00Z') + hours * 3600e3).toISOString(),
    })
    const f = facts({
      sources: { orders: true, ratings: false, holiday: false },
      orders: [
        order('1', ['submitted', 'accepted', 'scheduling', 'scheduled', 'held', 'closed'], 24),
        order('2', ['submitted', 'accepted', 'scheduling', 'scheduled', 'cancelled'], 72),
        order('3', ['submitted', 'refused'], 48),
        order('4', ['submitted'], null),
      ],
    })
    const v = computeFigures(f)
    expect([v.ordersReceived, v.ordersScheduled, v.ordersHeld, v.ordersRefused]).toEqual([4, 2, 1, 1])
    expect(v.medianDaysToFirstResponse).toBe(2)
    // Ratings are not deployed here: no figure rather than a zero.
    expect(v.averageRating).toBeNull()
  })

  it('holiday: child-visits per child per day, sessions held with a check-in, households distinct', () => {
    const f = facts({
      sources: { orders: false, ratings: false, holiday: true },
      holidaySessions: [
        { id: 'h1', street: '福田街道', community: '岗厦社区', days: ['2026-07-06', '2026-07-07'], capacity: 30 },
        { id: 'h2', street: '福田街道', community: '岗厦社区', days: ['2026-07-08'], capacity: 30 },
      ],
      holidayAttendance: [
        { session: 'h1', day: '2026-07-06', household: 'A', present: true },
        { session: 'h1', day: '2026-07-07', household: 'A', present: true },
        { session: 'h1', day: '2026-07-07', household: 'B', present: true },
        { session: 'h2', day: '2026-07-08', household: 'C', present: false },
      ],
    })
    const v = computeFigures(f)
    expect([v.holidaySessionsHeld, v.childVisits, v.holidayHouseholds]).toEqual([1, 3, 2])
    expect(v.communitiesReached).toBe(1)
  })

  it('articles and the share that are original; families by honour level in the period years', () => {
    const f = facts({
      articles: [
        { publishedAt: '2026-01-02T00:00:00Z', origin: 'original' },
        { publishedAt: '2026-02-02T00:00:00Z', origin: 'original' },
        { publishedAt: '2026-02-03T00:00:00Z', origin: 'original' },
        { publishedAt: '2026-02-04T00:00:00Z', origin: 'reprint' },
      ],
      families: [
        {
          street: '福田街道',
          community: '岗厦社区',
          honours: [
            { level: 'municipal', year: 2026 },
            { level: 'municipal', year: 2026 },
            { level: 'national', year: 2020 },
          ],
        },
        { street: '华富街道', community: '', honours: [{ level: 'district', year: 2026 }] },
      ],
    })
    const v = computeFigures(f)
    expect(v.articlesPublished).toBe(4)
    expect(v.originalShare).toBe(0.75)
    expect(formatFigure('originalShare', v.originalShare)).toBe('75.0%')
    expect([v.familiesNational, v.familiesMunicipal, v.familiesDistrict]).toEqual([0, 1, 1])
  })
})

describe('breakdowns, small cells and periods', () => {
  const f = facts({
    sessions: [
      session('a'),
      session('b', { street: '华富街道', community: '田面社区', startsAt: '2026-05-01T02:00:00Z', endsAt: null }),
    ],
    bookings: [
      booking('a', 'attended', { attendees: 2 }),
      ...Array.from({ length: 6 }, () => booking('b', 'attended')),
    ],
    articles: [{ publishedAt: '2026-05-03T00:00:00Z', origin: 'original' }],
    communities: [
      { name: '岗厦社区', street: '福田街道' },
      { name: '田面社区', street: '华富街道' },
      { name: '新洲社区', street: '华富街道' },
    ],
  })

  it('splits by street and month; the parts add up to the total', () => {
    const streets = breakdown(f, 'street')
    expect(streets.map((r) => [r.label, r.values.parentVisits, r.values.communitiesTotal])).toEqual([
      ['福田街道', 2, 1],
      ['华富街道', 6, 2],
    ])
    const months = breakdown(f, 'month')
    expect(months.map((r) => [r.key, r.values.lectureSessionsHeld, r.values.articlesPublished])).toEqual([
      ['2026-03', 1, 0],
      ['2026-05', 1, 1],
    ])
    // Articles have no street: the street breakdown carries no article figure at all.
    expect(streets[1]?.values).not.toHaveProperty('articlesPublished')
  })

  it('cells of fewer than 5 people or households read "<5"; totals and rates never do', () => {
    expect(formatFigure('parentVisits', 2, true)).toBe('<5')
    expect(formatFigure('parentVisits', 0, true)).toBe('0')
    expect(formatFigure('parentVisits', 6, true)).toBe('6')
    expect(formatFigure('parentVisits', 2, false)).toBe('2')
    expect(formatFigure('lectureSessionsHeld', 2, true)).toBe('2')
  })

  it('headline sentences in the reports’ style and a comparison of two snapshots', () => {
    const report = buildReport(f, resolvePeriod({ kind: 'year', year: 2026 }))
    expect(headlineSentences(report)[0]).toBe(
      '2026年共开展福家大讲堂 2 场，服务家长 8 人次，覆盖 7 户家庭、2 个社区（全区共 3 个社区）。',
    )
    const later = { ...report, totals: { ...report.totals, parentVisits: 9 } }
    const diff = compareReports(report, later).find((r) => r.key === 'parentVisits')
    expect(diff).toMatchObject({ before: '8', after: '9', changed: true, delta: 1 })
  })

  it('periods are Beijing calendar periods', () => {
    expect(resolvePeriod({ kind: 'year', year: 2026 })).toMatchObject({
      from: '2025-12-31T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
      label: '2026年',
    })
    expect(resolvePeriod({ kind: 'quarter', year: 2026, quarter: 3 })).toMatchObject({
      from: '2026-06-30T16:00:00.000Z',
      to: '2026-09-30T16:00:00.000Z',
      label: '2026年第三季度',
    })
    expect(resolvePeriod({ kind: 'half', year: 2026, half: 2 }).label).toBe('2026年下半年')
    expect(resolvePeriod({ kind: 'custom', start: '2026-02-01', end: '2026-02-01' })).toMatchObject({
      from: '2026-01-31T16:00:00.000Z',
      to: '2026-02-01T16:00:00.000Z',
    })
    expect(periodFromSearch({ kind: 'month', year: 'x' }, new Date('2026-12-31T17:00:00Z')).label).toBe('2027年')
    expect(periodYears(resolvePeriod({ kind: 'custom', start: '2025-12-01', end: '2026-01-31' }))).toEqual([2025, 2026])
  })
})
