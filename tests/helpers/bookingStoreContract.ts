import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateBookingCode } from '../../cms/booking/code.ts'
import { bookingStore } from '../../cms/booking/index.ts'
import { bookInput, type DocId } from '../../cms/booking/schemas.ts'
import type { StoredBooking } from '../../cms/booking/store.ts'
import type { BookContext, BookOutcome } from '../../cms/booking/stores/seats.ts'
import { bookingBody, createSession, moveSessionLongAgo } from './booking.ts'
import type { TestPayload } from './payload.ts'

const MINUTE = 60 * 1000
const DAY = 24 * 60 * MINUTE

/**
 * The behaviour every booking store implementation must have, written against the store interfaces and Payload's
 * Local API only (no SQL, no MongoDB queries), so the same suite runs on each database: see
 * tests/int/bookingStores.contract.test.ts (SQLite) and bookingStores.mongodb.contract.test.ts (MongoDB).
 */
export function bookingStoreContract(name: string, start: () => Promise<TestPayload>) {
  let ctx: TestPayload
  beforeAll(async () => {
    ctx = await start()
  })
  afterAll(() => ctx?.close())

  const stores = () => bookingStore(ctx.payload)
  const session = (opts: Parameters<typeof createSession>[1]) => createSession(ctx.payload, opts)
  const key = () => `contract:${crypto.randomUUID()}`
  const bookContext = (overrides: Partial<BookContext> = {}): BookContext => ({
    code: generateBookingCode(),
    now: new Date(),
    defaultPolicyVersion: 'contract',
    rateLimit: { keys: [{ key: key(), limit: 100 }], windowSeconds: 600 },
    ...overrides,
  })
  const input = (sessionId: DocId, overrides: Record<string, unknown> = {}) =>
    bookInput.parse(bookingBody(sessionId, overrides))
  const book = (sessionId: DocId, overrides: Record<string, unknown> = {}, context: Partial<BookContext> = {}) =>
    stores().seats.book(input(sessionId, overrides), bookContext(context))
  /** Books and expects a new booking; returns it with the phone it was made with. */
  async function booked(sessionId: DocId, overrides: Record<string, unknown> = {}) {
    const body = input(sessionId, overrides)
    const outcome = await stores().seats.book(body, bookContext())
    if (outcome.kind !== 'booked') throw new Error(`expected a booking, got ${outcome.kind}`)
    return { ...outcome.booking, phone: body.phone }
  }
  const bookingsOf = async (sessionId: DocId) =>
    (
      await ctx.payload.find({
        collection: 'bookings',
        where: { session: { equals: sessionId } },
        limit: 0,
        pagination: false,
        depth: 0,
      })
    ).docs
  const statusOf = async (booking: StoredBooking) =>
    (await ctx.payload.findByID({ collection: 'bookings', id: booking.id as number, depth: 0 })).status
  const notificationsOf = async (booking: StoredBooking) =>
    (
      await ctx.payload.find({
        collection: 'notifications',
        where: { booking: { equals: booking.id } },
        sort: 'id',
        depth: 0,
      })
    ).docs
  /** The session's counts, checked against the seats its bookings hold. */
  async function counts(sessionId: DocId) {
    const docs = await bookingsOf(sessionId)
    const seats = (statuses: string[]) =>
      docs.filter((b) => statuses.includes(b.status)).reduce((sum, b) => sum + b.attendees, 0)
    const s = await ctx.payload.findByID({ collection: 'course-sessions', id: sessionId as number, depth: 0 })
    expect([s.confirmedCount, s.waitlistedCount]).toEqual([
      seats(['confirmed', 'attended', 'no-show']),
      seats(['waitlisted']),
    ])
    return [s.confirmedCount, s.waitlistedCount]
  }
  const kinds = (outcomes: BookOutcome[]) => outcomes.map((o) => (o.kind === 'booked' ? o.booking.status : o.kind))

  describe(`${name}: seats and waitlist`, () => {
    it('confirms while seats are free, waitlists while the waitlist has room, then refuses with the state', async () => {
      const s = await session({ capacity: 2, waitlistSize: 1 })
      const outcomes = []
      for (let i = 0; i < 4; i++) outcomes.push(await book(s.id))
      expect(kinds(outcomes)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'refused'])
      const refusal = outcomes[3]
      expect(refusal?.kind === 'refused' && refusal.session).toMatchObject({ confirmedCount: 2, waitlistedCount: 1 })
      expect(await counts(s.id)).toEqual([2, 1])
    })

    it('counts attendees as seats: a party that does not fit waits, and nobody overtakes the waitlist', async () => {
      const s = await session({ capacity: 3, waitlistSize: 2 })
      expect(kinds([await book(s.id, { attendees: 2 }), await book(s.id, { attendees: 2 })])).toEqual([
        'confirmed',
        'waitlisted',
      ])
      // A seat is free, but someone waits for it.
      expect(kinds([await book(s.id)])).toEqual(['refused'])
      expect(await counts(s.id)).toEqual([2, 2])
    })

    it('takes exactly the free seats and waitlist places from simultaneous bookings', async () => {
      const s = await session({ capacity: 3, waitlistSize: 2 })
      const outcomes = await Promise.all(Array.from({ length: 10 }, () => book(s.id)))
      const sorted = kinds(outcomes).sort()
      expect(sorted).toEqual([
        ...Array(3).fill('confirmed'),
        ...Array(5).fill('refused'),
        ...Array(2).fill('waitlisted'),
      ])
      expect(await counts(s.id)).toEqual([3, 2])
    })

    it('treats an unknown session and one of an unpublished course as unknown (refused without a state)', async () => {
      const s = await session({ capacity: 5 })
      const unknown = typeof s.id === 'number' ? 987_654_321 : 'ffffffffffffffffffffffff'
      expect(await book(unknown)).toEqual({ kind: 'refused', session: null })
      const course = typeof s.course === 'object' ? s.course.id : s.course
      await ctx.payload.update({ collection: 'courses', id: course, data: { _status: 'draft' } })
      expect(await book(s.id)).toEqual({ kind: 'refused', session: null })
      expect(await bookingsOf(s.id)).toEqual([])
    })

    it('keeps one active booking per phone and session; a cancelled one frees the phone', async () => {
      const s = await session({ capacity: 5 })
      const first = await booked(s.id)
      const again = await book(s.id, { phone: first.phone })
      expect(again).toEqual({
        kind: 'phone-already-booked',
        booking: expect.objectContaining({ id: first.id, code: first.code }),
      })
      expect(await counts(s.id)).toEqual([1, 0])
      await stores().seats.cancelByStaff(first.id, '家长来电取消', new Date())
      expect(kinds([await book(s.id, { phone: first.phone })])).toEqual(['confirmed'])
    })

    it('returns the same booking for a replayed idempotency key, whatever code is drawn', async () => {
      const s = await session({ capacity: 5 })
      const body = input(s.id)
      const first = await stores().seats.book(body, bookContext())
      const replay = await stores().seats.book(body, bookContext())
      expect(first.kind).toBe('booked')
      expect(replay).toEqual({ kind: 'replayed', booking: first.kind === 'booked' && first.booking })
      expect(await counts(s.id)).toEqual([1, 0])
    })

    it('reports a drawn code that another booking holds as code-taken and writes nothing', async () => {
      const s = await session({ capacity: 5 })
      const holder = await booked(s.id)
      expect(await book(s.id, {}, { code: holder.code })).toEqual({ kind: 'code-taken' })
      expect(await bookingsOf(s.id)).toHaveLength(1)
      expect(await counts(s.id)).toEqual([1, 0])
    })

    it('gives waitlist positions in booking order', async () => {
      const s = await session({ capacity: 1, waitlistSize: 3 })
      const holder = await booked(s.id)
      const waiting = [await booked(s.id), await booked(s.id)]
      expect(await stores().seats.waitlistPosition(holder.id)).toBeNull()
      expect(await Promise.all(waiting.map((b) => stores().seats.waitlistPosition(b.id)))).toEqual([1, 2])
    })
  })

  describe(`${name}: cancelling`, () => {
    it('a parent cancels before the deadline: the first waitlisted booking moves up, in order, with its message', async () => {
      const s = await session({ capacity: 1, waitlistSize: 3, deadlineInHours: 24 })
      const holder = await booked(s.id)
      const [first, second] = [await booked(s.id), await booked(s.id)]
      expect(await stores().seats.cancelByParent(holder.code, '13800000000', new Date())).toBeNull() // wrong phone
      const cancelled = await stores().seats.cancelByParent(holder.code, holder.phone, new Date())
      expect(cancelled).toMatchObject({ id: holder.id, status: 'cancelled' })
      expect([await statusOf(first as StoredBooking), await statusOf(second as StoredBooking)]).toEqual([
        'confirmed',
        'waitlisted',
      ])
      expect(await stores().seats.waitlistPosition((second as StoredBooking).id)).toBe(1)
      expect((await notificationsOf(first as StoredBooking)).map((n) => n.kind)).toEqual(['waitlisted', 'promoted'])
      expect((await notificationsOf(holder)).map((n) => n.kind)).toEqual(['confirmed', 'cancelled'])
      expect(await counts(s.id)).toEqual([1, 1])
      expect(await stores().seats.cancelByParent(holder.code, holder.phone, new Date())).toBeNull()
    })

    it('after the deadline a parent cannot cancel a confirmed seat, but can leave the waitlist', async () => {
      const s = await session({ capacity: 1, waitlistSize: 1, deadlineInHours: -1, startsInHours: 48 })
      const confirmed = await booked(s.id)
      const waiting = await booked(s.id)
      expect(await stores().seats.cancelByParent(confirmed.code, confirmed.phone, new Date())).toBeNull()
      expect(await stores().seats.cancelByParent(waiting.code, waiting.phone, new Date())).toMatchObject({
        status: 'cancelled',
      })
      expect(await counts(s.id)).toEqual([1, 0])
    })

    it('staff cancel one booking with a reason; its seat goes to the waitlist', async () => {
      const s = await session({ capacity: 1, waitlistSize: 2 })
      const holder = await booked(s.id)
      const waiting = await booked(s.id)
      expect(await stores().seats.cancelByStaff(holder.id, '家长来电取消', new Date())).toMatchObject({
        status: 'cancelled',
      })
      const doc = await ctx.payload.findByID({ collection: 'bookings', id: holder.id as number, depth: 0 })
      expect(doc.cancelReason).toBe('家长来电取消')
      expect(await statusOf(waiting)).toBe('confirmed')
      expect(await stores().seats.cancelByStaff(holder.id, '再次取消', new Date())).toBeNull()
      expect(await counts(s.id)).toEqual([1, 0])
    })

    it('cancelling a session cancels all its active bookings and promotes nobody', async () => {
      const s = await session({ capacity: 2, waitlistSize: 2 })
      for (let i = 0; i < 4; i++) await booked(s.id)
      expect(await stores().seats.cancelSession(s.id, '讲师生病', new Date())).toBe(4)
      expect((await bookingsOf(s.id)).map((b) => b.status)).toEqual(Array(4).fill('cancelled'))
      expect(await counts(s.id)).toEqual([0, 0])
      const after = await book(s.id)
      expect(after.kind === 'refused' && after.session).toMatchObject({ status: 'cancelled', cancelReason: '讲师生病' })
    })
  })

  describe(`${name}: staff actions`, () => {
    it('checks in confirmed and no-show bookings once, and marks only confirmed ones as no-show', async () => {
      const s = await session({ capacity: 2, waitlistSize: 1 })
      const [a, b, waiting] = [await booked(s.id), await booked(s.id), await booked(s.id)]
      const now = new Date()
      expect(await stores().seats.checkIn(s.id, a.code, now)).toMatchObject({ id: a.id, status: 'attended' })
      expect(await stores().seats.checkIn(s.id, a.code, now)).toBeNull()
      expect(await stores().seats.markNoShow(a.id, now)).toBeNull()
      expect(await stores().seats.markNoShow(b.id, now)).toMatchObject({ status: 'no-show' })
      expect(await stores().seats.markNoShow(waiting.id, now)).toBeNull()
      expect(await stores().seats.checkIn(s.id, waiting.code, now)).toBeNull()
      expect(await stores().seats.checkIn(s.id, b.code, now)).toMatchObject({ status: 'attended' })
      expect(await counts(s.id)).toEqual([2, 1])
    })

    it('promotes a waitlisted booking out of order only into free seats', async () => {
      const s = await session({ capacity: 2, waitlistSize: 5 })
      await booked(s.id)
      const big = await booked(s.id, { attendees: 2 })
      const small = await booked(s.id)
      expect([big.status, small.status]).toEqual(['waitlisted', 'waitlisted'])
      expect(await stores().seats.promote(big.id, new Date())).toBeNull()
      expect(await stores().seats.promote(small.id, new Date())).toMatchObject({ id: small.id, status: 'confirmed' })
      expect(await stores().seats.promote(small.id, new Date())).toBeNull()
      expect((await notificationsOf(small)).map((n) => n.kind)).toEqual(['waitlisted', 'promoted'])
      expect(await counts(s.id)).toEqual([2, 2])
    })

    it('raising the capacity moves the waitlist up in order, never past a party that does not fit yet', async () => {
      const s = await session({ capacity: 1, waitlistSize: 5 })
      await booked(s.id)
      const big = await booked(s.id, { attendees: 2 })
      const small = await booked(s.id)
      await ctx.payload.update({ collection: 'course-sessions', id: s.id, data: { capacity: 2 } })
      expect([await statusOf(big), await statusOf(small)]).toEqual(['waitlisted', 'waitlisted'])
      await ctx.payload.update({ collection: 'course-sessions', id: s.id, data: { capacity: 4 } })
      expect([await statusOf(big), await statusOf(small)]).toEqual(['confirmed', 'confirmed'])
      expect((await notificationsOf(big)).map((n) => n.kind)).toEqual(['waitlisted', 'promoted'])
      expect(await counts(s.id)).toEqual([4, 0])
    })

    it('an admin save cannot overwrite the counts with stale values', async () => {
      const s = await session({ capacity: 5, waitlistSize: 2 })
      for (let i = 0; i < 3; i++) await booked(s.id)
      await ctx.payload.update({
        collection: 'course-sessions',
        id: s.id,
        data: { confirmedCount: 0, waitlistedCount: 9, capacity: 6 },
        overrideAccess: true,
      })
      expect(await counts(s.id)).toEqual([3, 0])
    })
  })

  describe(`${name}: rate limits`, () => {
    it('counts hits per key and window and forgets old windows', async () => {
      const limit = { keys: [{ key: key(), limit: 2 }], windowSeconds: 600 }
      const old = new Date(Date.now() - 2 * DAY)
      const hits = []
      for (let i = 0; i < 3; i++) hits.push(await stores().rateLimits.hit(limit, old))
      expect(hits).toEqual([true, true, false])
      expect(await stores().rateLimits.forget(new Date(Date.now() - DAY))).toBeGreaterThanOrEqual(1)
      expect(await stores().rateLimits.hit(limit, old)).toBe(true)
    })

    it('a booking over the limit writes nothing; its hit and every booking hit count in the same window', async () => {
      const s = await session({ capacity: 10 })
      const rateLimit = { keys: [{ key: key(), limit: 2 }], windowSeconds: 600 }
      expect(kinds([await book(s.id, {}, { rateLimit }), await book(s.id, {}, { rateLimit })])).toEqual([
        'confirmed',
        'confirmed',
      ])
      expect(await book(s.id, {}, { rateLimit })).toEqual({ kind: 'rate-limited' })
      expect(await bookingsOf(s.id)).toHaveLength(2)
      expect(await counts(s.id)).toEqual([2, 0])
      // Three book() calls counted: one more hit is over a budget of three.
      const budgetOfThree = { keys: [{ key: rateLimit.keys[0]?.key ?? '', limit: 3 }], windowSeconds: 600 }
      expect(await stores().rateLimits.hit(budgetOfThree, new Date())).toBe(false)
    })

    it('simultaneous bookings sharing a key get exactly its budget: the hit is counted in the booking transaction', async () => {
      const s = await session({ capacity: 20 })
      const rateLimit = { keys: [{ key: key(), limit: 3 }], windowSeconds: 600 }
      const outcomes = await Promise.all(Array.from({ length: 8 }, () => book(s.id, {}, { rateLimit })))
      expect(kinds(outcomes).sort()).toEqual([...Array(3).fill('confirmed'), ...Array(5).fill('rate-limited')])
      expect(await counts(s.id)).toEqual([3, 0])
    })
  })

  describe(`${name}: outbox`, () => {
    it('claims each message once, records the outcome, and retries a failure only after a delay', async () => {
      const s = await session({ capacity: 5 })
      const booking = await booked(s.id)
      const [notification] = await notificationsOf(booking)
      const now = new Date()
      const [a, b] = await Promise.all([stores().outbox.claim(1000, now), stores().outbox.claim(1000, now)])
      const claimed = [...(a ?? []), ...(b ?? [])].map(String)
      expect(new Set(claimed).size).toBe(claimed.length)
      expect(claimed).toContain(String(notification?.id))
      await stores().outbox.complete([{ id: notification?.id as number, status: 'failed', error: 'gateway down' }], now)
      expect((await stores().outbox.claim(1000, now)).map(String)).not.toContain(String(notification?.id))
      const later = new Date(now.getTime() + 6 * MINUTE)
      expect((await stores().outbox.claim(1000, later)).map(String)).toContain(String(notification?.id))
      await stores().outbox.complete(
        [{ id: notification?.id as number, status: 'sent', channel: 'test', message: '【福家】测试' }],
        later,
      )
      const sent = await ctx.payload.findByID({ collection: 'notifications', id: notification?.id as number, depth: 0 })
      expect(sent).toMatchObject({ status: 'sent', channel: 'test', attempts: 2 })
      expect(sent.sentAt).toBeTruthy()
    })
  })

  describe(`${name}: retention`, () => {
    it('anonymises bookings of sessions that ended before the cutoff, keeps counts, and runs idempotently', async () => {
      const s = await session({ capacity: 5 })
      const booking = await booked(s.id, { parentName: '李先生', email: 'li@example.com' })
      const [notification] = await notificationsOf(booking)
      await stores().outbox.complete(
        [{ id: notification?.id as number, status: 'sent', message: '【福家】测试' }],
        new Date(),
      )
      await moveSessionLongAgo(ctx.payload, s.id)
      const now = new Date()
      expect(await stores().retention.anonymise(new Date(now.getTime() - 180 * DAY), now)).toBeGreaterThanOrEqual(1)
      const doc = await ctx.payload.findByID({ collection: 'bookings', id: booking.id as number, depth: 0 })
      expect(doc).toMatchObject({ parentName: '（已删除）', status: 'confirmed' })
      expect(doc.phone).not.toBe(booking.phone)
      expect(doc.email ?? null).toBeNull()
      expect(doc.anonymisedAt).toBeTruthy()
      const message = await ctx.payload.findByID({ collection: 'notifications', id: notification?.id as number })
      expect(message.message ?? null).toBeNull()
      expect(await counts(s.id)).toEqual([1, 0])
      expect(await stores().retention.anonymise(new Date(now.getTime() - 180 * DAY), now)).toBe(0)
    })
  })
}
