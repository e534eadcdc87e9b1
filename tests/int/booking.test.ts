import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { purgePersonalData } from '../../cms/jobs/purgePersonalData.ts'
import { processOutbox } from '../../cms/notifications/outbox.ts'
import type { SmsSender } from '../../cms/notifications/sms.ts'
import { api, nextIp } from '../helpers/api.ts'
import { bookingBody, createSession, moveSessionLongAgo } from '../helpers/booking.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

let ctx: TestPayload
beforeAll(async () => {
  ctx = await startTestPayload()
})
afterAll(() => ctx?.close())

const book = (body: unknown, opts?: Parameters<typeof api>[3]) => api('POST', '/api/bookings/book', body, opts)
const session = async (id: number) => ctx.payload.findByID({ collection: 'course-sessions', id, depth: 0 })
/** The session's counts must always equal the seats its bookings hold. */
async function expectCountsMatchBookings(id: number) {
  const { docs } = await ctx.payload.find({ collection: 'bookings', where: { session: { equals: id } }, limit: 0 })
  const seats = (statuses: string[]) =>
    docs.filter((b) => statuses.includes(b.status)).reduce((sum, b) => sum + b.attendees, 0)
  const s = await session(id)
  expect(s.confirmedCount).toBe(seats(['confirmed', 'attended', 'no-show']))
  expect(s.waitlistedCount).toBe(seats(['waitlisted']))
  return s
}
const bookingCount = async () => (await ctx.payload.count({ collection: 'bookings' })).totalDocs

describe('availability', () => {
  it('reports seats and waitlist of a session', async () => {
    const s = await createSession(ctx.payload, { capacity: 3, waitlistSize: 2 })
    const { status, json } = await api('GET', `/api/course-sessions/${s.id}/availability`)
    expect(status).toBe(200)
    expect(json).toMatchObject({ capacity: 3, confirmed: 0, waitlistSize: 2, waitlisted: 0, bookable: true })
  })
  it('answers 404 in Chinese for an unknown session', async () => {
    const { status, json } = await api('GET', '/api/course-sessions/999999/availability')
    expect(status).toBe(404)
    expect(json.error.message).toMatch(/未找到/)
  })
})

describe('booking a seat', () => {
  it('confirms while seats are free, then waitlists in order, then refuses with 409 已满', async () => {
    const s = await createSession(ctx.payload, { capacity: 2, waitlistSize: 2 })
    const results = []
    for (let i = 0; i < 5; i++) results.push(await book(bookingBody(s.id)))
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 409])
    expect(results.map((r) => r.json.status ?? r.json.error.code)).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted',
      'full',
    ])
    expect(results[2]?.json.waitlistPosition).toBe(1)
    expect(results[3]?.json.waitlistPosition).toBe(2)
    expect(results[0]?.json.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
    expect(results[4]?.json.error.message).toContain('已满')
    const after = await expectCountsMatchBookings(s.id)
    expect([after.confirmedCount, after.waitlistedCount]).toEqual([2, 2])
  })

  it('counts two attendees as two seats and refuses when they do not fit', async () => {
    const s = await createSession(ctx.payload, { capacity: 3 })
    expect((await book(bookingBody(s.id, { attendees: 2 }))).status).toBe(201)
    const refused = await book(bookingBody(s.id, { attendees: 2 }))
    expect(refused.status).toBe(409)
    expect((await book(bookingBody(s.id, { attendees: 1 }))).status).toBe(201)
    expect((await expectCountsMatchBookings(s.id)).confirmedCount).toBe(3)
  })

  it('returns the same booking for a replayed idempotency key', async () => {
    const s = await createSession(ctx.payload, { capacity: 5 })
    const body = bookingBody(s.id)
    const first = await book(body)
    const again = await book(body)
    expect(first.status).toBe(201)
    expect(again.status).toBe(200)
    expect(again.json.code).toBe(first.json.code)
    expect((await session(s.id)).confirmedCount).toBe(1)
  })

  it('binds an idempotency key to the request it first carried: another body gets 409 and nothing of the first', async () => {
    const [s, other] = await Promise.all([
      createSession(ctx.payload, { capacity: 5 }),
      createSession(ctx.payload, { capacity: 5 }),
    ])
    const body = bookingBody(s.id)
    const first = await book(body)
    expect(first.status).toBe(201)
    for (const changed of [
      { ...body, phone: '13900000077' },
      { ...body, session: other.id },
      { ...body, attendees: 2 },
      { ...body, parentName: '另一位家长' },
    ]) {
      const reused = await book(changed)
      expect(reused.status).toBe(409)
      expect(reused.json.error.code).toBe('idempotency_conflict')
      expect(reused.text).not.toContain(first.json.code)
      expect(reused.text).not.toContain(first.json.calendarToken)
    }
    expect((await session(s.id)).confirmedCount).toBe(1)
    expect((await session(other.id)).confirmedCount).toBe(0)
  })

  it('keeps one active booking per phone and session, without revealing its code or its status', async () => {
    const s = await createSession(ctx.payload, { capacity: 5 })
    const first = await book(bookingBody(s.id, { phone: '13900000001' }))
    const second = await book(bookingBody(s.id, { phone: '+86 139 0000 0001' }))
    expect(second.status).toBe(409)
    expect(second.json.error.code).toBe('phone_unavailable')
    expect(second.text).not.toContain(first.json.code)
    expect(second.text).not.toMatch(/confirmed|waitlisted|已报名本场次/)
    expect((await session(s.id)).confirmedCount).toBe(1)
  })

  it('refuses outside the booking window and for cancelled sessions', async () => {
    const notOpen = await createSession(ctx.payload, { capacity: 5, opensInHours: 24 })
    const closed = await createSession(ctx.payload, { capacity: 5, opensInHours: -48, closesInHours: -1 })
    const cancelled = await createSession(ctx.payload, { capacity: 5 })
    await ctx.payload.update({ collection: 'course-sessions', id: cancelled.id, data: { status: 'cancelled' } })
    const answers = await Promise.all([notOpen, closed, cancelled].map((x) => book(bookingBody(x.id))))
    expect(answers.map((a) => [a.status, a.json.error.code])).toEqual([
      [409, 'not_open'],
      [409, 'closed'],
      [409, 'session_cancelled'],
    ])
    expect(answers[0]?.json.error.message).toMatch(/报名将于 \d{4}年\d+月\d+日 \d\d:\d\d 开始/)
  })

  it.each([
    ['a missing name', { parentName: '' }, '请填写家长姓名'],
    ['a bad phone', { phone: '12345' }, '手机号'],
    ['attendees as text', { attendees: 'two' }, '参加人数'],
    ['three attendees', { attendees: 3 }, '参加人数'],
    ['no guardian consent', { guardianConsent: false }, '儿童个人信息保护规则'],
    ['an unknown street', { street: '不存在街道' }, '街道'],
    ['a field we never collect', { childName: '小明' }, '不支持的字段：childName'],
    ['a session id of the wrong type', { session: { id: 1 } }, '场次编号无效'],
  ])('rejects %s with 400 and stores nothing', async (_, override, message) => {
    const s = await createSession(ctx.payload, { capacity: 5 })
    const before = await bookingCount()
    const { status, json } = await book(bookingBody(s.id, override))
    expect(status).toBe(400)
    expect(json.error.code).toBe('invalid_input')
    expect(json.error.message).toContain(message)
    expect(await bookingCount()).toBe(before)
  })

  it('rejects a non-JSON body (400), an oversized body (413) and an unknown session (404)', async () => {
    const before = await bookingCount()
    expect((await book(undefined, { raw: 'session=1' })).status).toBe(400)
    const huge = JSON.stringify({ ...bookingBody(1), parentName: '长'.repeat(5000) })
    expect((await book(undefined, { raw: huge })).status).toBe(413)
    const unknown = await book(bookingBody(987654))
    expect(unknown.status).toBe(404)
    expect(await bookingCount()).toBe(before)
  })

  it('treats a session of an unpublished course as unknown (404) and books nothing', async () => {
    const s = await createSession(ctx.payload, { capacity: 5 })
    const course = typeof s.course === 'object' ? s.course.id : s.course
    await ctx.payload.update({ collection: 'courses', id: course, data: { _status: 'draft' } })
    const before = await bookingCount()
    const { status, json } = await book(bookingBody(s.id))
    expect([status, json.error.code]).toEqual([404, 'session_not_found'])
    expect(await bookingCount()).toBe(before)
  })

  it('rate-limits bookings per phone number across requests (429)', async () => {
    const s = await createSession(ctx.payload, { capacity: 50 })
    const phone = '13700000042'
    const statuses = []
    for (let i = 0; i < 8; i++) statuses.push((await book(bookingBody(s.id, { phone }), { ip: nextIp() })).status)
    expect(statuses.slice(-2)).toEqual([429, 429])
    const limited = await book(bookingBody(s.id, { phone }))
    expect(limited.json.error.message).toBe('操作太频繁，请稍后再试')
  })
})

describe('looking up and cancelling', () => {
  it('finds a booking by code and phone; a wrong phone and a wrong code get the same 404', async () => {
    const s = await createSession(ctx.payload, { capacity: 5 })
    const body = bookingBody(s.id)
    const { json: booked } = await book(body)
    const found = await api('POST', '/api/bookings/lookup', { code: booked.code.toLowerCase(), phone: body.phone })
    expect(found.status).toBe(200)
    expect(found.json).toMatchObject({ code: booked.code, status: 'confirmed', cancellable: true })
    expect(found.json.session.course.title).toMatch(/测试课程/)
    const wrongPhone = await api('POST', '/api/bookings/lookup', { code: booked.code, phone: '13811112222' })
    const wrongCode = await api('POST', '/api/bookings/lookup', { code: 'ABCDEFGH', phone: body.phone })
    expect([wrongPhone.status, wrongCode.status]).toEqual([404, 404])
    expect(wrongPhone.json).toEqual(wrongCode.json)
  })

  it('cancelling a confirmed seat promotes the first waitlisted booking, in order, and queues the messages', async () => {
    const s = await createSession(ctx.payload, { capacity: 1, waitlistSize: 3 })
    const holder = bookingBody(s.id)
    const { json: held } = await book(holder)
    const first = await book(bookingBody(s.id))
    const second = await book(bookingBody(s.id))
    expect([first.json.status, second.json.status]).toEqual(['waitlisted', 'waitlisted'])

    const cancelled = await api('POST', '/api/bookings/cancel', { code: held.code, phone: holder.phone })
    expect(cancelled.status).toBe(200)
    expect(cancelled.json.status).toBe('cancelled')

    const status = async (code: string) =>
      (await ctx.payload.find({ collection: 'bookings', where: { code: { equals: code } } })).docs[0]
    const promoted = await status(first.json.code)
    expect(promoted?.status).toBe('confirmed')
    expect(promoted?.promotedAt).toBeTruthy()
    expect((await status(second.json.code))?.status).toBe('waitlisted')
    const after = await expectCountsMatchBookings(s.id)
    expect([after.confirmedCount, after.waitlistedCount]).toEqual([1, 1])

    const outbox = await ctx.payload.find({
      collection: 'notifications',
      where: { booking: { equals: promoted?.id } },
      sort: 'id',
      depth: 0,
    })
    expect(outbox.docs.map((n) => n.kind)).toEqual(['waitlisted', 'promoted'])

    const again = await api('POST', '/api/bookings/cancel', { code: held.code, phone: holder.phone })
    expect(again.status).toBe(200)
    expect((await session(s.id)).confirmedCount).toBe(1)
  })

  it('refuses to cancel a confirmed seat after the deadline (409) but lets a waitlisted one go', async () => {
    const s = await createSession(ctx.payload, { capacity: 1, waitlistSize: 1, deadlineInHours: -1, startsInHours: 48 })
    const a = bookingBody(s.id)
    const b = bookingBody(s.id)
    const { json: confirmed } = await book(a)
    const { json: waiting } = await book(b)
    const late = await api('POST', '/api/bookings/cancel', { code: confirmed.code, phone: a.phone })
    expect(late.status).toBe(409)
    expect(late.json.error.code).toBe('deadline_passed')
    expect((await api('POST', '/api/bookings/cancel', { code: waiting.code, phone: b.phone })).status).toBe(200)
    await expectCountsMatchBookings(s.id)
  })

  it('serves a calendar file by signed token, in Asia/Shanghai, and refuses a forged token', async () => {
    const s = await createSession(ctx.payload, { capacity: 5 })
    const { json } = await book(bookingBody(s.id))
    const ics = await api('GET', `/api/bookings/calendar/${json.calendarToken}.ics`)
    expect(ics.status).toBe(200)
    expect(ics.headers.get('content-type')).toContain('text/calendar')
    expect(ics.text).toMatch(/DTSTART;TZID=Asia\/Shanghai:\d{8}T\d{6}/)
    expect(ics.text).not.toMatch(/13\d{9}/)
    const forged = await api('GET', `/api/bookings/calendar/${json.code}.AAAAAAAAAAAAAAAA.ics`)
    expect(forged.status).toBe(404)
  })
})

describe('notifications and retention', () => {
  it('sends queued messages once, SMS-ready with the signature', async () => {
    const s = await createSession(ctx.payload, { capacity: 5 })
    const { json } = await book(bookingBody(s.id, { parentName: '王女士' }))
    const { docs } = await ctx.payload.find({ collection: 'bookings', where: { code: { equals: json.code } } })
    const notification = async () =>
      (await ctx.payload.find({ collection: 'notifications', where: { booking: { equals: docs[0]?.id } } })).docs
    const sent: string[] = []
    const sms: SmsSender = { channel: 'test', send: async (_, text) => void sent.push(text) }
    // The endpoint's own background send may get there first; either way the message goes out exactly once.
    await processOutbox(ctx.payload, sms)
    // Logged only when the background send (no gateway) won; either way it is done and not sent twice.
    await vi.waitFor(async () => expect((await notification())[0]?.status).toMatch(/^(sent|logged)$/))
    await processOutbox(ctx.payload, sms)
    const [row, ...others] = await notification()
    expect(others).toEqual([])
    expect(row?.attempts).toBe(1)
    expect(row?.message).toMatch(/^【福家】您已报名/)
    expect(row?.message).not.toContain('王女士') // nothing the requester typed goes out under our signature
    expect(sent.filter((t) => t.includes(json.code)).length).toBeLessThanOrEqual(1)
  })

  it('anonymises bookings of sessions past the retention period, keeps counts, and a second run changes nothing', async () => {
    const s = await createSession(ctx.payload, { capacity: 5 })
    const body = bookingBody(s.id, { parentName: '李先生' })
    await book(body)
    // The session took place long ago.
    await moveSessionLongAgo(ctx.payload, s.id)
    expect(await purgePersonalData(ctx.payload)).toBeGreaterThanOrEqual(1)
    const { docs } = await ctx.payload.find({ collection: 'bookings', where: { session: { equals: s.id } } })
    expect(docs[0]?.parentName).toBe('（已删除）')
    expect(docs[0]?.phone).not.toBe(body.phone)
    expect(docs[0]?.anonymisedAt).toBeTruthy()
    expect((await session(s.id)).confirmedCount).toBe(1)
    expect(await purgePersonalData(ctx.payload)).toBe(0)
  })

  it('keeps rate-limit counters free of phone numbers and addresses, and drops them after a day', async () => {
    const s = await createSession(ctx.payload, { capacity: 5 })
    const ip = nextIp()
    const body = bookingBody(s.id)
    expect((await book(body, { ip })).status).toBe(201)
    const keys = async () =>
      (await ctx.payload.find({ collection: 'rate-limits', limit: 0, pagination: false })).docs.map((r) => r.key)
    expect((await keys()).length).toBeGreaterThanOrEqual(2)
    expect((await keys()).filter((k) => k.includes(body.phone as string) || k.includes(ip))).toEqual([])
    await purgePersonalData(ctx.payload, new Date(Date.now() + 25 * 60 * 60 * 1000))
    expect(await keys()).toEqual([])
  })
})
