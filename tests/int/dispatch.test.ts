import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { afterSessionsEnded } from '../../cms/dispatch/afterSessions.ts'
import { shanghai, shanghaiInstant } from '../../cms/dispatch/matching.ts'
import { expireOffers } from '../../cms/dispatch/offers.ts'
import { ratingSummary } from '../../cms/dispatch/ratingSummary.ts'
import { recordRequesterRating } from '../../cms/dispatch/ratings.ts'
import { createSessionForOrder } from '../../cms/dispatch/sessions.ts'
import { purgePersonalData } from '../../cms/jobs/purgePersonalData.ts'
import { applyTransition } from '../../cms/orders/transitions.ts'
import { api } from '../helpers/api.ts'
import { bookingBody, createSession, moveSessionLongAgo } from '../helpers/booking.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

let ctx: TestPayload
let courseId: number
let communityId: number
let otherCommunityId: number
let modeId: number
const lecturers: Record<'free' | 'blocked' | 'other', number> = { free: 0, blocked: 0, other: 0 }
const auth: Record<'district' | 'street', Record<string, string>> = { district: {}, street: {} }

const DAY = 24 * 60 * 60 * 1000
/** The Shanghai day n days from now, and the next Saturday at least n days away. */
const dayIn = (n: number) => shanghai(new Date(Date.now() + n * DAY)).day
const saturdayFrom = (n: number) => {
  for (let i = n; ; i++) if (shanghai(new Date(Date.now() + i * DAY)).weekday === 6) return dayIn(i)
}
const SATURDAY = saturdayFrom(10)
const slot = (from: string, to: string, day = SATURDAY) => ({
  startsAt: shanghaiInstant(day, from).toISOString(),
  endsAt: shanghaiInstant(day, to).toISOString(),
})

let phoneCounter = 0
const phone = () => `138${String(Date.now() % 10000).padStart(4, '0')}${String(++phoneCounter).padStart(4, '0')}`

async function newOrder(overrides: Record<string, unknown> = {}) {
  const contactPhone = phone()
  const res = await api('POST', '/api/course-orders/submit', {
    course: courseId,
    organisationType: 'school',
    organisationName: '示例小学三年级二班',
    street: '福田街道',
    community: communityId,
    audience: ['6-12'],
    headcount: 40,
    windows: [
      { from: dayIn(9), to: dayIn(20) },
      { from: dayIn(21), to: dayIn(45) },
    ],
    format: 'offline',
    venueAddress: '示例小学报告厅',
    interactionMode: modeId,
    contactName: '陈老师',
    contactPhone,
    consent: true,
    idempotencyKey: crypto.randomBytes(12).toString('base64url'),
    ...overrides,
  })
  expect(res.status).toBe(201)
  const { docs } = await ctx.payload.find({ collection: 'course-orders', where: { code: { equals: res.json.code } } })
  const order = docs[0]!
  await applyTransition(ctx.payload, { orderId: order.id, action: 'accept', actor: { kind: 'staff', name: '测试' } })
  return { id: order.id, code: order.code, phone: contactPhone }
}

async function staffUser(name: string, email: string, streets: string[]) {
  await ctx.payload.create({
    collection: 'users',
    data: { name, email, password: 'staff-password-1', roles: ['coordinator'], streets } as never,
    overrideAccess: true,
  })
  const { token } = await ctx.payload.login({ collection: 'users', data: { email, password: 'staff-password-1' } })
  return { authorization: `JWT ${token}` }
}

const offer = (
  orderId: number,
  lecturer: number,
  at = slot('09:00', '11:00'),
  who = auth.district,
  visibility = 'invitation',
) => api('POST', `/api/course-orders/${orderId}/offer`, { lecturer, ...at, visibility }, { headers: who })

/** The offer link from the message the lecturer was sent. */
const sentEmails: { to: string; subject: string; text: string }[] = []
const lastLinkTo = (to: string) => {
  const text = [...sentEmails].reverse().find((m) => m.to === to)?.text ?? ''
  return new URL(/https?:\/\/\S+/.exec(text)?.[0] ?? 'http://none/').searchParams.get('t') ?? ''
}

beforeAll(async () => {
  ctx = await startTestPayload()
  vi.spyOn(ctx.payload, 'sendEmail').mockImplementation(async (message) => {
    const m = message as { to: string; subject: string; text: string }
    sentEmails.push({ to: m.to, subject: m.subject, text: m.text })
  })
  const seed = await createSession(ctx.payload, { capacity: 30 })
  courseId = typeof seed.course === 'object' ? seed.course.id : seed.course
  const lecturer = (code: string, name: string, extra: Record<string, unknown>) =>
    ctx.payload.create({
      collection: 'lecturers',
      data: { code, name, team: 'lecturer-team', contactEmail: `${code}@lecturer.test`, ...extra } as never,
    })
  const weeklySlots = [{ weekday: '6', from: '08:30', to: '12:00' }]
  lecturers.free = (await lecturer('JS-901', '示例讲师甲', { weeklySlots, monthlyCap: 10 })).id
  lecturers.blocked = (
    await lecturer('JS-902', '示例讲师乙', {
      weeklySlots,
      blockedDates: [{ date: shanghaiInstant(SATURDAY).toISOString() }],
    })
  ).id
  lecturers.other = (await lecturer('JS-903', '示例讲师丙', { weeklySlots })).id
  await ctx.payload.update({
    collection: 'courses',
    id: courseId,
    data: { lecturers: [lecturers.free, lecturers.blocked] },
  })
  communityId = (
    await ctx.payload.create({
      collection: 'communities',
      data: { name: '岗厦社区', street: '福田街道', code: 'D-FT-01' },
    })
  ).id
  otherCommunityId = (
    await ctx.payload.create({
      collection: 'communities',
      data: { name: '园岭社区', street: '园岭街道', code: 'D-YL-01' },
    })
  ).id
  modeId = (await ctx.payload.create({ collection: 'interaction-modes', data: { name: '讲座', order: 1 } })).id
  auth.district = await staffUser('区妇联派单员', 'district@staff.test', [])
  auth.street = await staffUser('园岭街道协调员', 'yuanling@staff.test', ['园岭街道'])
})
afterAll(() => ctx?.close())

describe('matching and offers', () => {
  it('lists only lecturers who teach the course and are free then, with their load this month', async () => {
    const { id } = await newOrder()
    const at = slot('09:00', '11:00')
    const res = await api(
      'GET',
      `/api/course-orders/${id}/candidates?startsAt=${encodeURIComponent(at.startsAt)}&endsAt=${encodeURIComponent(at.endsAt)}`,
      undefined,
      { headers: auth.district },
    )
    expect(res.status).toBe(200)
    expect(res.json.free).toEqual([{ id: lecturers.free, name: '示例讲师甲', load: 0, cap: 10, reasons: [] }])
    expect(res.json.busy.map((c: { id: number; why: string }) => [c.id, c.why])).toEqual([
      [lecturers.blocked, '当天不可授课'],
    ])
    // Outside the weekly slot, nobody is free.
    const late = slot('14:00', '16:00')
    const afternoon = await api(
      'GET',
      `/api/course-orders/${id}/candidates?startsAt=${encodeURIComponent(late.startsAt)}&endsAt=${encodeURIComponent(late.endsAt)}`,
      undefined,
      { headers: auth.district },
    )
    expect(afternoon.json.free).toEqual([])
  })

  it('refuses a lecturer who does not teach the course or is not free', async () => {
    const { id } = await newOrder()
    const notQualified = await offer(id, lecturers.other)
    expect(notQualified.status).toBe(400)
    expect(notQualified.json.error.message).toMatch(/不教授该课程/)
    const blocked = await offer(id, lecturers.blocked)
    expect(blocked.status).toBe(400)
    expect(blocked.json.error.message).toMatch(/当天不可授课/)
    const order = await ctx.payload.findByID({ collection: 'course-orders', id })
    expect(order.state).toBe('accepted')
  })

  it('offer → lecturer accepts through the link → requester confirms → the session is created from the order', async () => {
    const order = await newOrder()
    const sent = await offer(order.id, lecturers.free)
    expect(sent.status).toBe(201)
    expect(sent.json.state).toBe('scheduling')
    const token = lastLinkTo('JS-901@lecturer.test')
    expect(token).toBeTruthy()

    const view = await api('GET', `/api/course-orders/offer?t=${encodeURIComponent(token)}`)
    expect(view.status).toBe(200)
    expect(view.json).toMatchObject({ organisation: '示例小学三年级二班', place: '示例小学报告厅', canAnswer: true })
    expect(JSON.stringify(view.json)).not.toContain(order.phone)

    // A forged link is refused.
    const forged = await api('POST', '/api/course-orders/offer/answer', {
      token: `${token.slice(0, -2)}xx`,
      answer: 'accept',
    })
    expect(forged.status).toBe(404)

    const accepted = await api('POST', '/api/course-orders/offer/answer', { token, answer: 'accept' })
    expect(accepted.status).toBe(200)
    expect(accepted.json).toMatchObject({ status: 'accepted', canAnswer: false })
    const again = await api('POST', '/api/course-orders/offer/answer', { token, answer: 'decline', reason: '临时有事' })
    expect(again.status).toBe(409)

    const confirmed = await api('POST', '/api/course-orders/confirm', { code: order.code, phone: order.phone })
    expect(confirmed.status).toBe(200)
    // Confirming made the session; the requester's tracking answer carries the invite link and the count only.
    expect(confirmed.json.session.link).toMatch(/\/courses\/invite\/\?session=\d+&invite=[A-Za-z0-9_-]{16,}$/)
    expect(confirmed.json.session.rosterCount).toBe(0)
    const session = await createSessionForOrder(ctx.payload, order.id)
    expect(session).toMatchObject({
      capacity: 40,
      visibility: 'invitation',
      status: 'scheduled',
      venue: { street: '福田街道', community: '岗厦社区', address: '示例小学报告厅' },
      startsAt: slot('09:00', '11:00').startsAt,
    })
    const s = session as unknown as { lecturer: number; order: number; interactionMode: number; inviteToken: string }
    expect([s.lecturer, s.order, s.interactionMode]).toEqual([lecturers.free, order.id, modeId])
    expect(s.inviteToken).toMatch(/^[A-Za-z0-9_-]{16,}$/)
    const stored = await ctx.payload.findByID({ collection: 'course-orders', id: order.id, depth: 0 })
    expect(stored.state).toBe('scheduled')
    expect((stored as unknown as { session: number }).session).toBe(session!.id)
    // Creating it again changes nothing.
    expect((await createSessionForOrder(ctx.payload, order.id))?.id).toBe(session!.id)
    const events = await ctx.payload.find({
      collection: 'order-events',
      where: { order: { equals: order.id } },
      sort: 'at',
    })
    expect(events.docs.map((e) => e.action)).toEqual([
      'submit',
      'accept',
      'offer',
      'lecturer_accept',
      'requester_confirm',
    ])
  })

  it('never books a lecturer into two overlapping times, and stops at the monthly cap', async () => {
    const first = await newOrder()
    const second = await newOrder()
    expect((await offer(first.id, lecturers.free, slot('09:00', '10:00', saturdayFrom(17)))).status).toBe(201)
    const overlapping = await offer(second.id, lecturers.free, slot('09:30', '11:00', saturdayFrom(17)))
    expect(overlapping.status).toBe(400)
    expect(overlapping.json.error.message).toMatch(/时间冲突/)
    // Adjacent is fine.
    expect((await offer(second.id, lecturers.free, slot('10:00', '11:00', saturdayFrom(17)))).status).toBe(201)

    // At the cap for that month, the lecturer is no longer offered.
    const third = await newOrder()
    const at = slot('11:00', '12:00', saturdayFrom(17))
    const q = `startsAt=${encodeURIComponent(at.startsAt)}&endsAt=${encodeURIComponent(at.endsAt)}`
    const before = await api('GET', `/api/course-orders/${third.id}/candidates?${q}`, undefined, {
      headers: auth.district,
    })
    const load = before.json.free.find((c: { id: number }) => c.id === lecturers.free).load as number
    expect(load).toBeGreaterThanOrEqual(2)
    await ctx.payload.update({ collection: 'lecturers', id: lecturers.free, data: { monthlyCap: load } as never })
    const capped = await offer(third.id, lecturers.free, at)
    expect(capped.status).toBe(400)
    expect(capped.json.error.message).toMatch(/本月场次已满/)
    await ctx.payload.update({ collection: 'lecturers', id: lecturers.free, data: { monthlyCap: 10 } as never })
  })
})

describe('declines and expiry', () => {
  it('a decline with its reason returns the order to 排期中 and frees the time', async () => {
    const order = await newOrder()
    const at = slot('09:00', '11:00', saturdayFrom(24))
    expect((await offer(order.id, lecturers.free, at)).status).toBe(201)
    const token = lastLinkTo('JS-901@lecturer.test')
    const noReason = await api('POST', '/api/course-orders/offer/answer', { token, answer: 'decline' })
    expect(noReason.status).toBe(400)
    expect(noReason.json.error.field).toBe('reason')
    const declined = await api('POST', '/api/course-orders/offer/answer', {
      token,
      answer: 'decline',
      reason: '当天外出开会',
    })
    expect(declined.status).toBe(200)
    const stored = await ctx.payload.findByID({ collection: 'course-orders', id: order.id })
    expect(stored.state).toBe('scheduling')
    expect(sentEmails.at(-1)).toMatchObject({ to: 'district@staff.test' })
    expect(sentEmails.at(-1)?.text).toMatch(/谢绝/)
    // The lecturer is free at that time again.
    expect((await offer(order.id, lecturers.free, at)).status).toBe(201)
  })

  it('an offer unanswered by its expiry goes back to 排期中 and the dispatcher is told', async () => {
    const order = await newOrder()
    const sent = await offer(order.id, lecturers.free, slot('09:00', '11:00', saturdayFrom(31)))
    expect(sent.status).toBe(201)
    const token = lastLinkTo('JS-901@lecturer.test')
    expect(await expireOffers(ctx.payload, new Date(Date.now() + 47 * 3600 * 1000))).toBe(0)
    expect(await expireOffers(ctx.payload, new Date(Date.now() + 49 * 3600 * 1000))).toBeGreaterThanOrEqual(1)
    const stored = (await ctx.payload.findByID({ collection: 'course-orders', id: order.id })) as unknown as {
      state: string
      offer: { status: string }
    }
    expect(stored.state).toBe('scheduling')
    expect(stored.offer.status).toBe('expired')
    expect(sentEmails.at(-1)?.text).toMatch(/未在期限内答复/)
    const events = await ctx.payload.find({
      collection: 'order-events',
      where: { order: { equals: order.id } },
      sort: 'at',
    })
    expect(events.docs.at(-1)).toMatchObject({ action: 'offer_expired', actorKind: 'system', toState: 'scheduling' })
    // The link no longer answers.
    const late = await api('POST', '/api/course-orders/offer/answer', { token, answer: 'accept' })
    expect(late.status).toBe(409)
  })

  it('gives the lecturer the hours the site settings name', async () => {
    await ctx.payload.updateGlobal({ slug: 'site-settings', data: { offerExpiryHours: 24 }, overrideAccess: true })
    try {
      const order = await newOrder()
      expect((await offer(order.id, lecturers.free, slot('09:00', '11:00', saturdayFrom(38)))).status).toBe(201)
      expect(await expireOffers(ctx.payload, new Date(Date.now() + 23 * 3600 * 1000))).toBe(0)
      expect(await expireOffers(ctx.payload, new Date(Date.now() + 25 * 3600 * 1000))).toBeGreaterThanOrEqual(1)
      const stored = await ctx.payload.findByID({ collection: 'course-orders', id: order.id })
      expect(stored.state).toBe('scheduling')
    } finally {
      await ctx.payload.updateGlobal({ slug: 'site-settings', data: { offerExpiryHours: 48 }, overrideAccess: true })
    }
  })
})

describe('invitation sessions', () => {
  let sessionId: number
  let invite: string
  beforeAll(async () => {
    const session = await createSession(ctx.payload, { capacity: 5 })
    const updated = await ctx.payload.update({
      collection: 'course-sessions',
      id: session.id,
      data: { visibility: 'invitation', inviteToken: 'invite-token-0123456789' } as never,
      overrideAccess: true,
    })
    sessionId = updated.id
    invite = 'invite-token-0123456789'
  })

  it('is hidden from public reads and its token never shown', async () => {
    const anonymous = await ctx.payload.find({
      collection: 'course-sessions',
      where: { id: { equals: sessionId } },
      overrideAccess: false,
    })
    expect(anonymous.docs).toHaveLength(0)
    const rest = await api('GET', `/api/course-sessions/${sessionId}`)
    expect(rest.status).toBe(404)
    const withInvite = await api('GET', `/api/course-sessions/${sessionId}/availability?invite=${invite}`)
    expect(withInvite.status).toBe(200)
    expect(withInvite.text).not.toContain(invite)
    expect((await api('GET', `/api/course-sessions/${sessionId}/availability`)).status).toBe(404)
  })

  it('gets a token when a coordinator switches a session to invitation in the admin', async () => {
    const session = await createSession(ctx.payload, { capacity: 5 })
    await ctx.payload.update({
      collection: 'course-sessions',
      id: session.id,
      data: { visibility: 'invitation' } as never,
    })
    const stored = (await ctx.payload.findByID({ collection: 'course-sessions', id: session.id })) as unknown as {
      inviteToken?: string
    }
    expect(stored.inviteToken).toMatch(/^[A-Za-z0-9_-]{16,}$/)
  })

  it('is bookable only with its invite token', async () => {
    const without = await api('POST', '/api/bookings/book', bookingBody(sessionId))
    expect(without.status).toBe(404)
    const wrong = await api('POST', '/api/bookings/book', bookingBody(sessionId, { invite: 'wrong-token-0123456789' }))
    expect(wrong.status).toBe(404)
    const right = await api('POST', '/api/bookings/book', bookingBody(sessionId, { invite }))
    expect(right.status).toBe(201)
  })
})

describe('street-scoped coordinators', () => {
  it('handle only their streets’ orders and sessions', async () => {
    const futian = await newOrder()
    const yuanling = await newOrder({ street: '园岭街道', community: otherCommunityId })
    const at = slot('09:00', '11:00')
    const q = `startsAt=${encodeURIComponent(at.startsAt)}&endsAt=${encodeURIComponent(at.endsAt)}`
    const other = await api('GET', `/api/course-orders/${futian.id}/candidates?${q}`, undefined, {
      headers: auth.street,
    })
    expect(other.status).toBe(403)
    expect(
      (await api('GET', `/api/course-orders/${futian.id}/dispatch`, undefined, { headers: auth.street })).status,
    ).toBe(403)
    expect(
      (await api('GET', `/api/course-orders/${yuanling.id}/dispatch`, undefined, { headers: auth.street })).status,
    ).toBe(200)
    expect(
      (await api('GET', `/api/course-orders/${futian.id}/dispatch`, undefined, { headers: auth.district })).status,
    ).toBe(200)

    const user = (await ctx.payload.find({ collection: 'users', where: { email: { equals: 'yuanling@staff.test' } } }))
      .docs[0]
    const seen = await ctx.payload.find({ collection: 'course-sessions', user, overrideAccess: false, limit: 1000 })
    expect(seen.docs.every((s) => s.venue?.street === '园岭街道')).toBe(true)
    const futianSession = (
      await ctx.payload.find({
        collection: 'course-sessions',
        where: { 'venue.street': { equals: '福田街道' } },
        limit: 1,
      })
    ).docs[0]!
    await expect(
      ctx.payload.update({
        collection: 'course-sessions',
        id: futianSession.id,
        data: { capacity: 99 },
        user,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    // Nor its roster, export or cancellation; nor check-in there.
    const get = (path: string, who = auth.street) => api('GET', path, undefined, { headers: who })
    expect((await get(`/api/course-sessions/${futianSession.id}/roster`)).status).toBe(403)
    expect((await get(`/api/course-sessions/${futianSession.id}/roster.csv`)).status).toBe(403)
    const cancel = await api(
      'POST',
      `/api/course-sessions/${futianSession.id}/cancel`,
      { reason: '场地维修' },
      {
        headers: auth.street,
      },
    )
    expect(cancel.status).toBe(403)
    const checkIn = await api(
      'POST',
      '/api/bookings/check-in',
      { session: futianSession.id, code: 'ABCDEFGH' },
      {
        headers: auth.street,
      },
    )
    expect(checkIn.status).toBe(403)
    expect((await get(`/api/course-sessions/${futianSession.id}/roster`, auth.district)).status).toBe(200)
  })
})

describe('ratings', () => {
  it('requester and attended parents rate once each; ratings survive anonymisation; the course average appears at 5', async () => {
    const session = await createSession(ctx.payload, { capacity: 20, startsInHours: 1 })
    const ratedCourse = typeof session.course === 'object' ? session.course.id : session.course
    const booked: { code: string; phone: string }[] = []
    for (let i = 0; i < 5; i++) {
      const body = bookingBody(session.id)
      const res = await api('POST', '/api/bookings/book', body)
      expect(res.status).toBe(201)
      booked.push({ code: res.json.code, phone: body.phone as string })
    }
    // Only checked-in parents may rate, and only after the session started.
    const early = await api('POST', '/api/ratings/parent', { ...booked[0], score: 5 })
    expect(early.status).toBe(404)
    await ctx.payload.update({
      collection: 'bookings',
      where: { session: { equals: session.id } },
      data: { status: 'attended' },
      overrideAccess: true,
    })
    await moveSessionLongAgo(ctx.payload, session.id)
    for (const [i, b] of booked.entries()) {
      const res = await api('POST', '/api/ratings/parent', { ...b, score: i === 0 ? 3 : 5, comment: '很实用' })
      expect(res.status).toBe(201)
    }
    const twice = await api('POST', '/api/ratings/parent', { ...booked[0], score: 1 })
    expect(twice.status).toBe(409)
    const course = await ctx.payload.findByID({ collection: 'courses', id: ratedCourse, depth: 0 })
    expect(course).toMatchObject({ ratingCount: 5, ratingAverage: 4.6 })
    // Staff see it per course (and per session).
    const summary = await ratingSummary(ctx.payload)
    expect(summary.courses.find((g) => g.key === String(ratedCourse))).toMatchObject({ count: 5, average: 4.6 })
    expect(summary.sessions.find((g) => g.key === String(session.id))).toMatchObject({ count: 5 })

    const before = await ctx.payload.count({ collection: 'ratings', where: { session: { equals: session.id } } })
    expect(await purgePersonalData(ctx.payload)).toBeGreaterThanOrEqual(5)
    const after = await ctx.payload.find({ collection: 'ratings', where: { session: { equals: session.id } } })
    expect(after.totalDocs).toBe(before.totalDocs)
    expect(JSON.stringify(after.docs)).not.toMatch(new RegExp(booked.map((b) => b.phone).join('|')))
  })

  it('the requester rates their held order once', async () => {
    const order = await newOrder()
    const stored = await ctx.payload.findByID({ collection: 'course-orders', id: order.id, depth: 0 })
    await expect(recordRequesterRating(ctx.payload, stored, 7)).rejects.toThrow(/1–5/)
    await recordRequesterRating(ctx.payload, stored, 4, '讲得很好')
    await expect(recordRequesterRating(ctx.payload, stored, 5)).rejects.toThrow(/已评价/)
    const { docs } = await ctx.payload.find({ collection: 'ratings', where: { order: { equals: order.id } } })
    expect(docs).toMatchObject([{ source: 'requester', score: 4, comment: '讲得很好' }])
  })

  it('invites checked-in parents to rate once the session has ended', async () => {
    const session = await createSession(ctx.payload, { capacity: 5, startsInHours: 1 })
    const body = bookingBody(session.id, { email: 'parent@family.test' })
    const res = await api('POST', '/api/bookings/book', body)
    await ctx.payload.update({
      collection: 'bookings',
      where: { code: { equals: res.json.code } },
      data: { status: 'attended' },
    })
    const later = new Date(Date.now() + 4 * 3600 * 1000)
    expect(await afterSessionsEnded(ctx.payload, later)).toBeGreaterThanOrEqual(1)
    const invite = sentEmails.find((m) => m.to === 'parent@family.test')
    expect(invite?.text).toContain(`/rate/?code=${res.json.code}`)
    const count = sentEmails.length
    await afterSessionsEnded(ctx.payload, later)
    expect(sentEmails.length).toBe(count)
  })
})
