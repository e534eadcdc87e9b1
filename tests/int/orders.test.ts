import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { orderStore } from '../../cms/orders/index.ts'
import { phoneHash } from '../../cms/orders/service.ts'
import { applyTransition } from '../../cms/orders/transitions.ts'
import { api, nextIp } from '../helpers/api.ts'
import { createSession } from '../helpers/booking.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

let ctx: TestPayload
let courseId: number
let communityId: number
let otherStreetCommunityId: number
let modeId: number
const staffAuth: Record<string, string> = {}

const DAY = 24 * 60 * 60 * 1000
/** A date n days from now, as the form sends it (Beijing calendar day). */
const day = (n: number) => new Date(Date.now() + 8 * 3600 * 1000 + n * DAY).toISOString().slice(0, 10)
let phoneCounter = 0
const phone = () => `139${String(Date.now() % 100000).padStart(5, '0')}${String(++phoneCounter).padStart(3, '0')}`

const orderBody = (overrides: Record<string, unknown> = {}) => ({
  course: courseId,
  organisationType: 'community',
  organisationName: '岗厦社区党群服务中心',
  street: '福田街道',
  community: communityId,
  audience: ['6-12', 'all'],
  headcount: 60,
  windows: [
    { from: day(10), to: day(14) },
    { from: day(20), to: day(24) },
  ],
  format: 'offline',
  venueAddress: '岗厦社区党群服务中心 3 楼',
  interactionMode: modeId,
  contactName: '李社工',
  contactPhone: phone(),
  notes: '希望安排在周六上午',
  consent: true,
  idempotencyKey: crypto.randomBytes(12).toString('base64url'),
  ...overrides,
})

async function submit(overrides: Record<string, unknown> = {}) {
  const body = orderBody(overrides)
  const res = await api('POST', '/api/course-orders/submit', body)
  return { ...res, body, code: res.json?.code as string, phone: body.contactPhone as string }
}

async function idOf(code: string): Promise<number> {
  const { docs } = await ctx.payload.find({ collection: 'course-orders', where: { code: { equals: code } }, limit: 1 })
  if (!docs[0]) throw new Error(`no order ${code}`)
  return docs[0].id
}

const staffAct = (id: number | string, action: string, reason?: string) =>
  api('POST', `/api/course-orders/${id}/act`, { action, reason }, { headers: staffAuth })

beforeAll(async () => {
  ctx = await startTestPayload()
  const session = await createSession(ctx.payload, { capacity: 30 })
  courseId = typeof session.course === 'object' ? session.course.id : session.course
  const c = await ctx.payload.create({
    collection: 'communities',
    data: { name: '岗厦社区', street: '福田街道', code: 'T-FT-01' },
  })
  communityId = c.id
  otherStreetCommunityId = (
    await ctx.payload.create({
      collection: 'communities',
      data: { name: '园岭社区', street: '园岭街道', code: 'T-YL-01' },
    })
  ).id
  modeId = (await ctx.payload.create({ collection: 'interaction-modes', data: { name: '讲座', order: 1 } })).id
  const email = 'orders-coordinator@staff.test'
  await ctx.payload.create({
    collection: 'users',
    data: { name: '王协调', email, password: 'staff-password-1', roles: ['coordinator'] },
    overrideAccess: true,
  })
  const { token } = await ctx.payload.login({ collection: 'users', data: { email, password: 'staff-password-1' } })
  staffAuth.authorization = `JWT ${token}`
})
afterAll(() => ctx?.close())

describe('submitting an order', () => {
  it('stores the order as 待审核 with a code, consent, a working-day due date and its first event', async () => {
    const res = await submit()
    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({ state: 'submitted', stateLabel: '待审核' })
    expect(res.code).toMatch(/^[23456789A-HJKMNP-Z]{8}$/)
    const order = await ctx.payload.findByID({ collection: 'course-orders', id: await idOf(res.code), depth: 0 })
    expect(order.consent?.policyVersion).toBeTruthy()
    expect(order.contactPhone).toBe(res.phone)
    expect(new Date(order.firstResponseDueAt as string).getTime()).toBeGreaterThan(Date.now() + DAY / 2)
    const events = await ctx.payload.find({ collection: 'order-events', where: { order: { equals: order.id } } })
    expect(events.docs.map((e) => e.action)).toEqual(['submit'])
  })

  it('answers a repeat of the same request with the same order', async () => {
    const body = orderBody()
    const first = await api('POST', '/api/course-orders/submit', body)
    const again = await api('POST', '/api/course-orders/submit', body)
    expect(first.status).toBe(201)
    expect(again.status).toBe(200)
    expect(again.json.code).toBe(first.json.code)
  })

  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ['no organisation name', { organisationName: ' ' }, 'organisationName', /单位名称/],
    ['an unknown organisation type', { organisationType: 'club' }, 'organisationType', /单位类型/],
    ['an unknown street', { street: '火星街道' }, 'street', /街道/],
    ['a community of another street', { community: -1 }, 'community', /社区/],
    ['no audience', { audience: [] }, 'audience', /听课对象/],
    ['a headcount of 3', { headcount: 3 }, 'headcount', /预计人数/],
    ['one window only', { windows: [{ from: day(10), to: day(12) }] }, 'windows', /时间段/],
    [
      'a window in the past',
      {
        windows: [
          { from: day(-3), to: day(2) },
          { from: day(5), to: day(6) },
        ],
      },
      'windows',
      /今天之后/,
    ],
    [
      'a window ending before it starts',
      {
        windows: [
          { from: day(9), to: day(5) },
          { from: day(12), to: day(13) },
        ],
      },
      'windows',
      /结束日期/,
    ],
    [
      'a malformed date',
      {
        windows: [
          { from: '2027/1/1', to: day(5) },
          { from: day(12), to: day(13) },
        ],
      },
      'windows',
      /日期格式/,
    ],
    ['offline without a venue', { venueAddress: undefined }, 'venueAddress', /场地地址/],
    ['no interaction mode', { interactionMode: undefined }, 'interactionMode', /互动形式/],
    ['no contact name', { contactName: '' }, 'contactName', /联系人姓名/],
    ['a landline number', { contactPhone: '0755-8888888' }, 'contactPhone', /手机号/],
    ['no consent', { consent: false }, 'consent', /隐私政策/],
    ['an unknown course', { course: 999999 }, 'course', /课程/],
  ]
  it.each(bad)(
    'refuses %s with a Chinese message naming the field, storing nothing',
    async (_, overrides, field, message) => {
      const before = (await ctx.payload.count({ collection: 'course-orders' })).totalDocs
      const res = await submit(overrides)
      expect(res.status).toBe(400)
      expect(res.json.error.field).toBe(field)
      expect(res.json.error.message).toMatch(message)
      expect((await ctx.payload.count({ collection: 'course-orders' })).totalDocs).toBe(before)
    },
  )

  it('refuses a community that is not in the chosen street', async () => {
    const res = await submit({ community: otherStreetCommunityId })
    expect(res.status).toBe(400)
    expect(res.json.error).toMatchObject({ field: 'community', message: '所选社区不在该街道，请重新选择' })
  })

  it('refuses unknown fields and non-JSON bodies', async () => {
    expect((await submit({ idNumber: '440301' })).json.error.message).toMatch(/不支持的字段/)
    const raw = await api('POST', '/api/course-orders/submit', undefined, { raw: 'not json' })
    expect(raw.status).toBe(400)
    const form = await api('POST', '/api/course-orders/submit', {}, { headers: { 'content-type': 'text/plain' } })
    expect(form.status).toBe(415)
  })

  it('limits submissions per address', async () => {
    const ip = nextIp()
    const statuses = []
    for (let i = 0; i < 12; i++)
      statuses.push((await api('POST', '/api/course-orders/submit', orderBody(), { ip })).status)
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true)
    expect(statuses.slice(10)).toEqual([429, 429])
  })

  it('cannot be created through the collection REST API', async () => {
    const res = await api('POST', '/api/course-orders', orderBody())
    expect(res.status).toBe(403)
  })
})

describe('tracking an order', () => {
  it('shows the state, the timeline with times, and what the requester may do', async () => {
    const { code, phone: p } = await submit()
    const res = await api('POST', '/api/course-orders/track', { code: code.toLowerCase(), phone: p })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({
      code,
      state: 'submitted',
      stateLabel: '待审核',
      canWithdraw: true,
      canConfirm: false,
    })
    expect(res.json.timeline).toHaveLength(1)
    expect(res.json.timeline[0]).toMatchObject({ stateLabel: '待审核', actionLabel: '提交点单' })
    expect(Date.parse(res.json.timeline[0].at)).toBeGreaterThan(0)
    expect(res.json.course.title).toMatch(/测试课程/)
    expect(JSON.stringify(res.json)).not.toContain(p)
  })

  it('gives the same 404 for a wrong code and a wrong phone', async () => {
    const { code, phone: p } = await submit()
    const wrongPhone = await api('POST', '/api/course-orders/track', { code, phone: '13900000000' })
    const wrongCode = await api('POST', '/api/course-orders/track', { code: 'ABCDEFGH', phone: p })
    expect(wrongPhone.status).toBe(404)
    expect(wrongCode.status).toBe(404)
    expect(wrongPhone.json).toEqual(wrongCode.json)
  })

  it('validates code and phone', async () => {
    const res = await api('POST', '/api/course-orders/track', { code: '12', phone: '13800138000' })
    expect(res.status).toBe(400)
    expect(res.json.error.field).toBe('code')
    const noPhone = await api('POST', '/api/course-orders/track', { code: 'ABCDEFGH' })
    expect(noPhone.json.error.field).toBe('phone')
  })
})

describe('the order as the federation and the requester act on it', () => {
  it('shows the question, takes the answer, shows acceptance and keeps every step with its time', async () => {
    const { code, phone: p } = await submit()
    const id = await idOf(code)
    expect((await staffAct(id, 'request_info')).json.error).toMatchObject({ field: 'reason' })
    expect((await staffAct(id, 'request_info', '请说明场地能容纳多少人')).status).toBe(200)
    let view = (await api('POST', '/api/course-orders/track', { code, phone: p })).json
    expect(view).toMatchObject({ state: 'needs_info', stateLabel: '需补充', question: '请说明场地能容纳多少人' })
    expect(view.canSupplyInfo).toBe(true)

    const answer = await api('POST', '/api/course-orders/supply-info', { code, phone: p, reason: '可容纳 80 人' })
    expect(answer.status).toBe(200)
    expect(answer.json.state).toBe('submitted')
    expect((await staffAct(id, 'accept')).json.state).toBe('accepted')
    view = (await api('POST', '/api/course-orders/track', { code, phone: p })).json
    expect(view.timeline.map((t: { actionLabel: string }) => t.actionLabel)).toEqual([
      '提交点单',
      '请补充信息',
      '已补充信息',
      '受理',
    ])
    expect(view.timeline[1].reason).toBe('请说明场地能容纳多少人')
    expect(view.timeline[2].by).toBe('申请单位')
    expect(JSON.stringify(view)).not.toContain('王协调')

    const order = await ctx.payload.findByID({ collection: 'course-orders', id })
    expect(order.firstRespondedAt).toBeTruthy()
    const events = await ctx.payload.find({ collection: 'order-events', where: { order: { equals: id } }, sort: 'at' })
    expect(events.docs[1]).toMatchObject({ action: 'request_info', actorKind: 'staff', actorName: '王协调' })
  })

  it('always carries the reason of a refusal to the requester', async () => {
    const { code, phone: p } = await submit()
    const id = await idOf(code)
    expect((await staffAct(id, 'refuse')).status).toBe(400)
    expect((await staffAct(id, 'refuse', '该课程本季度讲师已排满')).status).toBe(200)
    const view = (await api('POST', '/api/course-orders/track', { code, phone: p })).json
    expect(view).toMatchObject({ state: 'refused', stateLabel: '已拒绝', refusalReason: '该课程本季度讲师已排满' })
    expect(view.canWithdraw).toBe(false)
    // A final state: no further step.
    const again = await staffAct(id, 'accept')
    expect(again.status).toBe(409)
    expect(again.json.error.message).toMatch(/已拒绝/)
  })

  it('lets the requester withdraw before the date is fixed, and not after', async () => {
    const { code, phone: p } = await submit()
    const res = await api('POST', '/api/course-orders/withdraw', { code, phone: p })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ state: 'withdrawn', stateLabel: '已撤回', canWithdraw: false })
    const twice = await api('POST', '/api/course-orders/withdraw', { code, phone: p })
    expect(twice.status).toBe(409)
    const wrongPhone = await api('POST', '/api/course-orders/withdraw', { code, phone: '13900000001' })
    expect(wrongPhone.status).toBe(404)
  })

  it('offers a date, lets the requester ask for a change, then confirm; cancellation records who and why', async () => {
    const { code, phone: p } = await submit()
    const id = await idOf(code)
    await staffAct(id, 'accept')
    await applyTransition(ctx.payload, { orderId: id, action: 'offer', actor: { kind: 'staff', name: '王协调' } })
    await applyTransition(ctx.payload, {
      orderId: id,
      action: 'lecturer_accept',
      actor: { kind: 'lecturer', name: '张老师' },
    })
    let view = (await api('POST', '/api/course-orders/track', { code, phone: p })).json
    expect(view).toMatchObject({ state: 'awaiting_confirmation', canConfirm: true })

    expect((await api('POST', '/api/course-orders/ask-change', { code, phone: p })).json.error.field).toBe('reason')
    const change = await api('POST', '/api/course-orders/ask-change', { code, phone: p, reason: '当天社区有换届选举' })
    expect(change.json.state).toBe('scheduling')
    await applyTransition(ctx.payload, { orderId: id, action: 'lecturer_accept', actor: { kind: 'lecturer' } })
    const confirm = await api('POST', '/api/course-orders/confirm', { code, phone: p })
    expect(confirm.json).toMatchObject({ state: 'scheduled', stateLabel: '已排期', canWithdraw: false })
    // Confirming twice is refused, not repeated.
    expect((await api('POST', '/api/course-orders/confirm', { code, phone: p })).status).toBe(409)

    const cancel = await api('POST', '/api/course-orders/cancel', { code, phone: p, reason: '疫情防控暂停集会' })
    expect(cancel.json).toMatchObject({ state: 'cancelled', cancelReason: '疫情防控暂停集会', cancelledBy: '申请单位' })
    view = cancel.json
    expect(view.timeline.at(-1)).toMatchObject({ actionLabel: '取消活动', reason: '疫情防控暂停集会' })
  })

  it('takes the rating of the requester once the session is held, closing the order; only once', async () => {
    const { code, phone: p } = await submit()
    const id = await idOf(code)
    const early = await api('POST', '/api/course-orders/rate', { code, phone: p, score: 5 })
    expect(early.status).toBe(409)
    await staffAct(id, 'accept')
    for (const [action, kind] of [
      ['offer', 'staff'],
      ['lecturer_accept', 'lecturer'],
      ['requester_confirm', 'requester'],
      ['mark_held', 'staff'],
    ] as const) {
      await applyTransition(ctx.payload, { orderId: id, action, actor: { kind } })
    }
    expect((await api('POST', '/api/course-orders/rate', { code, phone: p, score: 9 })).json.error.field).toBe('score')
    const rated = await api('POST', '/api/course-orders/rate', { code, phone: p, score: 4, comment: '讲得实在' })
    expect(rated.status).toBe(200)
    expect(rated.json).toMatchObject({ state: 'closed', stateLabel: '已评价/结项', canRate: false })
    const ratings = await ctx.payload.find({ collection: 'ratings', where: { order: { equals: id } } })
    expect(ratings.docs.map((r) => r.score)).toEqual([4])
    expect((await api('POST', '/api/course-orders/rate', { code, phone: p, score: 5 })).status).toBe(409)
  })

  it('refuses staff actions from anyone not signed in as a coordinator', async () => {
    const { code } = await submit()
    const res = await api('POST', `/api/course-orders/${await idOf(code)}/act`, { action: 'accept' })
    expect(res.status).toBe(403)
    expect((await staffAct(await idOf(code), 'fly')).json.error.field).toBe('action')
  })

  it('lets exactly one of two staff acting at once win; the other gets a Chinese 409', async () => {
    for (let round = 0; round < 5; round++) {
      const { code } = await submit()
      const id = await idOf(code)
      const results = await Promise.all([staffAct(id, 'accept'), staffAct(id, 'refuse', '重复申请，已合并处理')])
      const statuses = results.map((r) => r.status).sort()
      expect(statuses).toEqual([200, 409])
      const loser = results.find((r) => r.status === 409)
      expect(loser?.json.error.message).toMatch(/[\u4e00-\u9fa5]/)
      const events = await ctx.payload.find({ collection: 'order-events', where: { order: { equals: id } } })
      expect(events.docs).toHaveLength(2) // submit + the winner
    }
  })

  it('lets one of two concurrent same-state transitions win (the version is part of the compare-and-set)', async () => {
    const { code } = await submit()
    const id = await idOf(code)
    await staffAct(id, 'accept')
    await applyTransition(ctx.payload, { orderId: id, action: 'offer', actor: { kind: 'staff' } })
    const results = await Promise.allSettled([
      applyTransition(ctx.payload, {
        orderId: id,
        action: 'lecturer_decline',
        actor: { kind: 'lecturer' },
        reason: '当天外出',
      }),
      applyTransition(ctx.payload, { orderId: id, action: 'offer_expired', actor: { kind: 'system' } }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
  })

  it('keeps the state when a save tries to change it (hook), also a raw write racing a transition (trigger)', async () => {
    const { code } = await submit()
    const id = await idOf(code)
    await ctx.payload.update({
      collection: 'course-orders',
      id,
      data: { state: 'closed', notes: '电话确认过' } as never,
    })
    let order = await ctx.payload.findByID({ collection: 'course-orders', id })
    expect(order.state).toBe('submitted')
    expect(order.notes).toBe('电话确认过')
    // A save that read the order before a transition writes the old state back with a new updatedAt.
    await staffAct(id, 'accept')
    await ctx.payload.db.updateOne({
      collection: 'course-orders',
      id,
      data: { state: 'submitted', stateVersion: 0, updatedAt: new Date(Date.now() + 1000).toISOString() },
    })
    order = await ctx.payload.findByID({ collection: 'course-orders', id })
    expect(order.state).toBe('accepted')
    expect(order.stateVersion).toBe(1)
  })

  it('undoes the transition when the patch written with it fails', async () => {
    const { code } = await submit()
    const id = await idOf(code)
    await expect(
      applyTransition(ctx.payload, {
        orderId: id,
        action: 'accept',
        actor: { kind: 'staff' },
        patch: { headcount: 100000 },
      }),
    ).rejects.toThrow()
    const order = await ctx.payload.findByID({ collection: 'course-orders', id })
    expect(order.state).toBe('submitted')
    const events = await ctx.payload.find({ collection: 'order-events', where: { order: { equals: id } } })
    expect(events.docs.map((e) => e.action)).toEqual(['submit'])
    // The store's own compare-and-set refuses a stale version outright.
    expect(
      await orderStore(ctx.payload).transition({
        orderId: id,
        from: 'submitted',
        version: 99,
        to: 'accepted',
        action: 'accept',
        actorKind: 'staff',
        at: new Date(),
        set: {},
      }),
    ).toBe(false)
  })

  it('deletes nothing: orders and events refuse deletion even by an administrator', async () => {
    const { code } = await submit()
    const id = await idOf(code)
    const admin = { roles: ['admin'] } as never
    await expect(
      ctx.payload.delete({ collection: 'course-orders', id, overrideAccess: false, user: admin }),
    ).rejects.toThrow()
    const { docs } = await ctx.payload.find({ collection: 'order-events', where: { order: { equals: id } } })
    const eventId = docs[0]?.id ?? 0
    expect(eventId).toBeGreaterThan(0)
    await expect(
      ctx.payload.delete({ collection: 'order-events', id: eventId, overrideAccess: false, user: admin }),
    ).rejects.toThrow()
    await expect(
      ctx.payload.update({
        collection: 'order-events',
        id: eventId,
        data: { reason: 'x' },
        overrideAccess: false,
        user: admin,
      }),
    ).rejects.toThrow()
  })
})

describe('street-scoped coordinators (街道妇联)', () => {
  it('see, act on and count only their streets', async () => {
    const email = 'yuanling@staff.test'
    await ctx.payload.create({
      collection: 'users',
      data: { name: '园岭协调', email, password: 'staff-password-1', roles: ['coordinator'], streets: ['园岭街道'] },
      overrideAccess: true,
    })
    const { token } = await ctx.payload.login({ collection: 'users', data: { email, password: 'staff-password-1' } })
    const headers = { authorization: `JWT ${token}` }
    const futian = await idOf((await submit()).code)
    const yuanling = await idOf((await submit({ street: '园岭街道', community: otherStreetCommunityId })).code)

    const list = await api('GET', '/api/course-orders?limit=100&depth=0', undefined, { headers })
    const seen = list.json.docs.map((d: { id: number }) => d.id)
    expect(seen).toContain(yuanling)
    expect(seen).not.toContain(futian)
    const events = await api('GET', `/api/order-events?where[order][equals]=${futian}`, undefined, { headers })
    expect(events.json.docs).toEqual([])

    const refused = await api('POST', `/api/course-orders/${futian}/act`, { action: 'accept' }, { headers })
    expect(refused.status).toBe(404)
    expect((await ctx.payload.findByID({ collection: 'course-orders', id: futian })).state).toBe('submitted')
    const allowed = await api('POST', `/api/course-orders/${yuanling}/act`, { action: 'accept' }, { headers })
    expect(allowed.json.state).toBe('accepted')
  })
})

describe('the order form options', () => {
  it('lists communities by street and the interaction modes', async () => {
    const res = await api('GET', '/api/course-orders/options')
    expect(res.status).toBe(200)
    expect(res.json.communities).toContainEqual({ id: communityId, name: '岗厦社区', street: '福田街道' })
    expect(res.json.interactionModes).toContainEqual({ id: modeId, name: '讲座' })
  })
})

describe("'我的社区也想听' demand signals", () => {
  const signal = (overrides: Record<string, unknown> = {}, ip?: string) =>
    api(
      'POST',
      '/api/demand-signals/signal',
      { course: courseId, street: '福田街道', community: communityId, phone: '13700137000', ...overrides },
      { ip },
    )

  it('keeps one signal per phone per course, answers a repeat the same, and stores no number in clear', async () => {
    const first = await signal()
    const again = await signal()
    expect(first.status).toBe(200)
    expect(again.status).toBe(200)
    expect(again.json).toEqual(first.json)
    const { docs } = await ctx.payload.find({
      collection: 'demand-signals',
      where: { course: { equals: courseId } },
      overrideAccess: true,
      showHiddenFields: true,
    })
    expect(docs).toHaveLength(1)
    expect(JSON.stringify(docs)).not.toContain('13700137000')
    expect(docs[0]?.phoneHash).toBe(phoneHash(ctx.payload, '13700137000'))
  })

  it('counts per course × community for staff only', async () => {
    await signal({ phone: '13700137001' })
    const counts = await api('GET', '/api/demand-signals/counts', undefined, { headers: staffAuth })
    expect(counts.json.rows).toContainEqual(expect.objectContaining({ community: '岗厦社区', count: 2 }))
    expect((await api('GET', '/api/demand-signals/counts')).status).toBe(403)
    expect((await api('GET', '/api/demand-signals')).status).toBe(403)
  })

  it('refuses bad input with the field named', async () => {
    expect((await signal({ phone: '123' })).json.error.field).toBe('phone')
    expect((await signal({ street: '园岭街道' })).json.error.field).toBe('community')
    expect((await signal({ course: 'x' })).json.error.field).toBe('course')
    expect((await signal({ community: undefined })).json.error.field).toBe('community')
  })

  it('is rate-limited per address', async () => {
    const ip = nextIp()
    const statuses = []
    for (let i = 0; i < 22; i++) statuses.push((await signal({ phone: `1360013${String(7000 + i)}` }, ip)).status)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0)
  })
})
