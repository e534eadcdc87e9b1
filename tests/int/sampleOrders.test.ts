import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ORDER_STATES } from '../../common/orders/states.ts'
import { runContentMigrations } from '../../content-migrations/runner.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

let ctx: TestPayload
const now = new Date('2026-11-23T02:00:00Z')

beforeAll(async () => {
  ctx = await startTestPayload()
  await runContentMigrations(ctx.payload, { now })
}, 240_000)
afterAll(() => ctx?.close())

describe('the sample course orders', () => {
  it('list the communities of every street and the four interaction modes', async () => {
    const { docs } = await ctx.payload.find({ collection: 'communities', limit: 0, pagination: false })
    expect(docs.length).toBe(60)
    expect(new Set(docs.map((c) => c.street)).size).toBe(10)
    const modes = await ctx.payload.find({ collection: 'interaction-modes', sort: 'order' })
    expect(modes.docs.map((m) => m.name)).toEqual(['讲座', '亲子工作坊', '家庭恳谈会', '家长脱口秀'])
  })

  it('hold orders in every state across several streets, with a history for each step', async () => {
    const { docs: orders } = await ctx.payload.find({
      collection: 'course-orders',
      limit: 0,
      pagination: false,
      depth: 0,
    })
    expect(orders.length).toBe(16)
    const states = new Set(orders.map((o) => o.state))
    for (const state of ORDER_STATES) expect(states, state).toContain(state)
    expect(new Set(orders.map((o) => o.street)).size).toBeGreaterThanOrEqual(8)
    for (const order of orders) {
      const { docs: events } = await ctx.payload.find({
        collection: 'order-events',
        where: { order: { equals: order.id } },
        sort: 'at',
        limit: 0,
        pagination: false,
      })
      expect(events[0]?.action).toBe('submit')
      expect(events.at(-1)?.toState).toBe(order.state)
      expect(events.length).toBe((order.stateVersion ?? 0) + 1)
      if (order.state === 'refused') expect(order.refusalReason).toBeTruthy()
      if (order.state === 'cancelled') expect(order.cancelReason).toBeTruthy()
    }
  })

  it('include orders past their first-response date without an answer', async () => {
    const { docs } = await ctx.payload.find({
      collection: 'course-orders',
      where: {
        and: [{ firstResponseDueAt: { less_than: now.toISOString() } }, { firstRespondedAt: { exists: false } }],
      },
    })
    expect(docs.length).toBeGreaterThanOrEqual(2)
    expect(docs.every((o) => o.state === 'submitted')).toBe(true)
  })

  it('keep demand counts per course and community', async () => {
    expect((await ctx.payload.count({ collection: 'demand-signals' })).totalDocs).toBe(15)
  })
})
