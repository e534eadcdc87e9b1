import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commitmentStore } from '../../cms/dispatch/commitments/index.ts'
import { shanghai, shanghaiInstant } from '../../cms/dispatch/matching.ts'
import { applyTransition } from '../../cms/orders/transitions.ts'
import { api } from '../helpers/api.ts'
import { createSession } from '../helpers/booking.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'
import { type ApiServer, startServersOn } from '../helpers/servers.ts'

/**
 * Two server processes on one SQLite file, coordinators assigning one lecturer to overlapping times of different
 * orders at the same moment: the database alone (the commitments trigger) lets exactly one through.
 */
let ctx: TestPayload
let servers: ApiServer[] = []
let courseId: number
let lecturerId: number
let communityId: number
let modeId: number
let authorization = ''

const DAY = 24 * 60 * 60 * 1000
const dayIn = (n: number) => shanghai(new Date(Date.now() + n * DAY)).day

async function acceptedOrder(i: number) {
  const res = await api('POST', '/api/course-orders/submit', {
    course: courseId,
    organisationType: 'community',
    organisationName: `示例社区${i}`,
    street: '福田街道',
    community: communityId,
    audience: ['all'],
    headcount: 30,
    windows: [
      { from: dayIn(9), to: dayIn(12) },
      { from: dayIn(14), to: dayIn(16) },
    ],
    format: 'offline',
    venueAddress: '示例活动室',
    interactionMode: modeId,
    contactName: '示例联系人',
    contactPhone: `1371234${String(1000 + i)}`,
    consent: true,
    idempotencyKey: crypto.randomBytes(12).toString('base64url'),
  })
  const { docs } = await ctx.payload.find({ collection: 'course-orders', where: { code: { equals: res.json.code } } })
  const order = docs[0]!
  await applyTransition(ctx.payload, { orderId: order.id, action: 'accept', actor: { kind: 'staff' } })
  return order.id
}

beforeAll(async () => {
  ctx = await startTestPayload()
  servers = await startServersOn(ctx)
  const seed = await createSession(ctx.payload, { capacity: 10 })
  courseId = typeof seed.course === 'object' ? seed.course.id : seed.course
  lecturerId = (
    await ctx.payload.create({
      collection: 'lecturers',
      data: { code: 'JS-951', name: '示例讲师', team: 'lecturer-team', monthlyCap: 50 } as never,
    })
  ).id
  await ctx.payload.update({ collection: 'courses', id: courseId, data: { lecturers: [lecturerId] } })
  communityId = (
    await ctx.payload.create({
      collection: 'communities',
      data: { name: '示例社区', street: '福田街道', code: 'O-FT-01' },
    })
  ).id
  modeId = (await ctx.payload.create({ collection: 'interaction-modes', data: { name: '讲座', order: 1 } })).id
  const email = 'race@staff.test'
  await ctx.payload.create({
    collection: 'users',
    data: { name: '示例派单员', email, password: 'staff-password-1', roles: ['coordinator'] },
    overrideAccess: true,
  })
  const { token } = await ctx.payload.login({ collection: 'users', data: { email, password: 'staff-password-1' } })
  authorization = `JWT ${token}`
  // Two server processes take a while to start on a busy machine.
}, 300_000)
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  await ctx?.close()
})

describe('one lecturer, overlapping offers from two processes at once', () => {
  const ORDERS = 12

  it(`lets exactly one of ${ORDERS} simultaneous overlapping assignments through`, async () => {
    const orders = []
    for (let i = 0; i < ORDERS; i++) orders.push(await acceptedOrder(i))
    const day = dayIn(10)
    // Every proposed time overlaps every other (each starts within the first's two hours, lasts two hours).
    const answers = await Promise.all(
      orders.map(async (orderId, i) => {
        const startsAt = shanghaiInstant(day, `09:${String((i % 6) * 5).padStart(2, '0')}`)
        const response = await fetch(`${servers[i % 2]!.url}/api/course-orders/${orderId}/offer`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({
            lecturer: lecturerId,
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 2 * 3600 * 1000).toISOString(),
          }),
        })
        return { status: response.status, json: await response.json() }
      }),
    )
    expect(answers.filter((a) => a.status >= 500)).toEqual([])
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1)
    // The others are refused as taken: by the database rule (409) or, if they read after the winner, by matching.
    expect(answers.filter((a) => a.status === 409 || a.status === 400)).toHaveLength(ORDERS - 1)

    const { docs: active } = await ctx.payload.find({
      collection: 'lecturer-commitments',
      where: { and: [{ lecturer: { equals: lecturerId } }, { status: { equals: 'active' } }] },
    })
    expect(active).toHaveLength(1)
    const { docs: offered } = await ctx.payload.find({
      collection: 'course-orders',
      where: { state: { equals: 'scheduling' } },
      depth: 0,
    })
    expect(offered).toHaveLength(1)
    expect(String((offered[0] as unknown as { offer: { commitment: number } }).offer.commitment)).toBe(
      String(active[0]!.id),
    )

    // Which racers matching turned away depends on timing; the database's own refusal does not: overlapping holds
    // written past matching are refused by the trigger.
    const [held] = active
    if (!held) throw new Error('no active commitment')
    const overlapping = (minutes: number) => ({
      lecturer: lecturerId,
      startsAt: new Date(Date.parse(String(held.startsAt)) + minutes * 60_000),
      endsAt: new Date(Date.parse(String(held.endsAt)) + minutes * 60_000),
      kind: 'offer' as const,
      cap: null,
      monthStart: new Date(0),
      monthEnd: new Date(8.64e15),
      now: new Date(),
    })
    const store = commitmentStore(ctx.payload)
    const direct = await Promise.all([store.hold(overlapping(30)), store.hold(overlapping(-30))])
    expect(direct).toEqual([
      { ok: false, reason: 'overlap' },
      { ok: false, reason: 'overlap' },
    ])
  }, 300_000)
})
