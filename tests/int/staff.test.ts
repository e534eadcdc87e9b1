import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { siteBuildStore } from '../../cms/publishing/buildState/index.ts'
import { api } from '../helpers/api.ts'
import { bookingBody, createSession } from '../helpers/booking.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

let ctx: TestPayload
const auth: Record<'coordinator' | 'editor', Record<string, string>> = { coordinator: {}, editor: {} }

beforeAll(async () => {
  ctx = await startTestPayload()
  for (const role of ['coordinator', 'editor'] as const) {
    const email = `${role}@staff.test`
    await ctx.payload.create({
      collection: 'users',
      data: { name: role, email, password: 'staff-password-1', roles: [role] },
      overrideAccess: true,
    })
    const { token } = await ctx.payload.login({ collection: 'users', data: { email, password: 'staff-password-1' } })
    auth[role] = { authorization: `JWT ${token}` }
  }
})
afterAll(() => ctx?.close())

const staff = (method: 'GET' | 'POST', path: string, body?: unknown, role: 'coordinator' | 'editor' = 'coordinator') =>
  api(method, path, body, { headers: auth[role] })
const counts = async (id: number) => {
  const s = await ctx.payload.findByID({ collection: 'course-sessions', id })
  return [s.confirmedCount, s.waitlistedCount]
}

const statusOf = async (booking?: { code: string; phone: string }) =>
  (await api('POST', '/api/bookings/lookup', { code: booking?.code, phone: booking?.phone })).json.status

const HOUR = 60 * 60 * 1000
/** A start earlier today in Beijing (halfway since midnight there), whatever the time of day the tests run. */
const startedToday = () => new Date(Date.now() - ((Date.now() + 8 * HOUR) % (24 * HOUR)) / 2)

/** Moves a booked session's start (bookings can only be made before it, so sessions are booked first). */
const moveStart = (id: number, startsAt: Date) =>
  ctx.payload.update({
    collection: 'course-sessions',
    id,
    data: {
      bookingOpensAt: new Date(startsAt.getTime() - 2 * HOUR).toISOString(),
      bookingClosesAt: startsAt.toISOString(),
      cancellationDeadline: startsAt.toISOString(),
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
    },
  })

async function bookedSession(capacity: number, waitlistSize: number, people: number) {
  const session = await createSession(ctx.payload, { capacity, waitlistSize })
  const bookings = []
  for (let i = 0; i < people; i++) {
    const body = bookingBody(session.id)
    bookings.push({ ...(await api('POST', '/api/bookings/book', body)).json, phone: body.phone as string })
  }
  return { session, bookings }
}

describe('the coordinator roster', () => {
  it('lists bookings with masked phones; full numbers only on request; editors and the public get 403', async () => {
    const { session, bookings } = await bookedSession(5, 0, 2)
    const masked = await staff('GET', `/api/course-sessions/${session.id}/roster`)
    expect(masked.status).toBe(200)
    expect(masked.json.rows).toHaveLength(2)
    expect(masked.json.rows[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/)
    const full = await staff('GET', `/api/course-sessions/${session.id}/roster?phones=full`)
    expect(full.json.rows[0].phone).toBe(bookings[0]?.phone)
    expect((await staff('GET', `/api/course-sessions/${session.id}/roster`, undefined, 'editor')).status).toBe(403)
    expect((await api('GET', `/api/course-sessions/${session.id}/roster.csv`)).status).toBe(403)
  })

  it('exports CSV (Excel-ready, masked) and XLSX', async () => {
    const { session, bookings } = await bookedSession(5, 0, 2)
    const csv = await staff('GET', `/api/course-sessions/${session.id}/roster.csv`)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect(csv.text.replace(/^\uFEFF/, '').startsWith('报名码,状态,家长姓名,手机号')).toBe(true)
    expect(csv.text).toContain(bookings[0]?.code)
    expect(csv.text).not.toContain(bookings[0]?.phone)
    const { default: config } = await import('@payload-config')
    const { handleEndpoints } = await import('payload')
    const response = await handleEndpoints({
      config,
      request: new Request(`http://localhost/api/course-sessions/${session.id}/roster.xlsx`, {
        headers: auth.coordinator,
      }),
    })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const sheet = workbook.worksheets[0]
    expect(sheet?.getRow(2).getCell(1).text).toBe('报名码')
    expect(sheet?.rowCount).toBe(4)
  })

  it('masks phones in the admin list but shows the number on the booking itself', async () => {
    const { bookings } = await bookedSession(5, 0, 1)
    const coordinator = (
      await ctx.payload.find({ collection: 'users', where: { email: { equals: 'coordinator@staff.test' } } })
    ).docs[0]
    const list = await ctx.payload.find({
      collection: 'bookings',
      where: { code: { equals: bookings[0]?.code } },
      user: coordinator,
      overrideAccess: false,
    })
    expect(list.docs[0]?.phone).toMatch(/\*{4}/)
    const one = await ctx.payload.findByID({
      collection: 'bookings',
      id: list.docs[0]?.id as number,
      user: coordinator,
      overrideAccess: false,
    })
    expect(one.phone).toBe(bookings[0]?.phone)
  })
})

describe('coordinator actions keep the counts equal to the bookings', () => {
  it('checks in by code (idempotently), marks a no-show, and refuses unknown codes', async () => {
    const { session, bookings } = await bookedSession(5, 0, 2)
    await moveStart(session.id, startedToday())
    const first = await staff('POST', '/api/bookings/check-in', {
      session: session.id,
      code: bookings[0]?.code.toLowerCase(),
    })
    expect(first.status).toBe(200)
    expect(first.json.status).toBe('attended')
    const again = await staff('POST', '/api/bookings/check-in', { session: session.id, code: bookings[0]?.code })
    expect(again.json.alreadyCheckedIn).toBe(true)
    const unknown = await staff('POST', '/api/bookings/check-in', { session: session.id, code: 'ZZZZZZZZ' })
    expect(unknown.status).toBe(404)
    const second = await ctx.payload.find({ collection: 'bookings', where: { code: { equals: bookings[1]?.code } } })
    expect((await staff('POST', `/api/bookings/${second.docs[0]?.id}/no-show`)).json.status).toBe('no-show')
    expect(await counts(session.id)).toEqual([2, 0])
  })

  it('refuses check-in on another day than the session’s day unless staff confirm it (仍然签到)', async () => {
    const { session, bookings } = await bookedSession(5, 0, 1)
    const early = await staff('POST', '/api/bookings/check-in', { session: session.id, code: bookings[0]?.code })
    expect(early.status).toBe(409)
    expect(early.json.error.code).toBe('not_session_day')
    expect(early.json.error.message).toContain('仍然签到')
    expect(await statusOf(bookings[0])).toBe('confirmed')
    // A wrong code is named as such, not answered with the day's warning.
    const unknown = await staff('POST', '/api/bookings/check-in', { session: session.id, code: 'ZZZZZZZZ' })
    expect(unknown.json.error.code).toBe('booking_not_found')
    const confirmed = await staff('POST', '/api/bookings/check-in', {
      session: session.id,
      code: bookings[0]?.code,
      confirmOutsideSessionDay: true,
    })
    expect(confirmed.status).toBe(200)
    expect(confirmed.json.status).toBe('attended')
    expect(await counts(session.id)).toEqual([1, 0])
  })

  it('marks a no-show only after the session started', async () => {
    const { session, bookings } = await bookedSession(5, 0, 1)
    const booking = (await ctx.payload.find({ collection: 'bookings', where: { code: { equals: bookings[0]?.code } } }))
      .docs[0]
    const early = await staff('POST', `/api/bookings/${booking?.id}/no-show`)
    expect(early.status).toBe(409)
    expect(early.json.error).toMatchObject({ code: 'session_not_started', message: expect.stringContaining('开始后') })
    expect(await statusOf(bookings[0])).toBe('confirmed')
    await moveStart(session.id, new Date(Date.now() - HOUR))
    expect((await staff('POST', `/api/bookings/${booking?.id}/no-show`)).json.status).toBe('no-show')
  })

  it('staff cancellation records the reason for the parent and promotes the waitlist', async () => {
    const { session, bookings } = await bookedSession(1, 2, 2)
    const held = (await ctx.payload.find({ collection: 'bookings', where: { code: { equals: bookings[0]?.code } } }))
      .docs[0]
    const noReason = await staff('POST', `/api/bookings/${held?.id}/staff-cancel`, {})
    expect(noReason.status).toBe(400)
    const done = await staff('POST', `/api/bookings/${held?.id}/staff-cancel`, { reason: '家长电话申请取消' })
    expect(done.json.status).toBe('cancelled')
    const parentView = await api('POST', '/api/bookings/lookup', { code: bookings[0]?.code, phone: bookings[0]?.phone })
    expect(parentView.json.cancelReason).toBe('家长电话申请取消')
    const promoted = await api('POST', '/api/bookings/lookup', { code: bookings[1]?.code, phone: bookings[1]?.phone })
    expect(promoted.json.status).toBe('confirmed')
    expect(await counts(session.id)).toEqual([1, 0])
  })

  it('manual promotion respects capacity', async () => {
    const { session, bookings } = await bookedSession(1, 2, 2)
    const waiting = (await ctx.payload.find({ collection: 'bookings', where: { code: { equals: bookings[1]?.code } } }))
      .docs[0]
    expect((await staff('POST', `/api/bookings/${waiting?.id}/promote`)).status).toBe(409)
    await ctx.payload.update({ collection: 'course-sessions', id: session.id, data: { capacity: 2 } })
    // Raising capacity promotes the queue by itself; the manual promotion then finds nothing to do.
    expect(await counts(session.id)).toEqual([2, 0])
  })

  it('cancelling a session cancels all its bookings with the reason, promotes nobody and asks for a site build', async () => {
    const { session, bookings } = await bookedSession(2, 2, 4)
    const before = Date.now()
    const result = await staff('POST', `/api/course-sessions/${session.id}/cancel`, {
      reason: '讲师临时生病，课程改期',
    })
    expect(result.json.cancelledBookings).toBe(4)
    const view = await api('POST', '/api/bookings/lookup', { code: bookings[3]?.code, phone: bookings[3]?.phone })
    expect(view.json.status).toBe('cancelled')
    expect(view.json.session.status).toBe('cancelled')
    expect(view.json.session.cancelReason).toBe('讲师临时生病，课程改期')
    expect(await counts(session.id)).toEqual([0, 0])
    const { requestedAt } = await siteBuildStore(ctx.payload).read()
    expect(Date.parse(requestedAt ?? '')).toBeGreaterThanOrEqual(before - 5)
  })

  it('an admin save of a session cannot overwrite the counts with stale values', async () => {
    const { session } = await bookedSession(5, 0, 3)
    await ctx.payload.update({
      collection: 'course-sessions',
      id: session.id,
      data: { confirmedCount: 0, waitlistedCount: 9, capacity: 6 },
      overrideAccess: true,
    })
    expect(await counts(session.id)).toEqual([3, 0])
  })
})
