import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bookingBody, createSession } from '../helpers/booking.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

/**
 * Hostile input to every public booking endpoint, through the server `npm start` runs: whatever arrives, the
 * answer is a 4xx with a message a parent can read (Chinese), never a 5xx or zod's English.
 */
let ctx: TestPayload
let server: http.Server
let base: string
let sessionId: number
const CJK = /[\u4e00-\u9fff]/

beforeAll(async () => {
  ctx = await startTestPayload()
  const { apiOnlyServer } = await import('../helpers/apiOnlyServer.ts')
  server = apiOnlyServer(ctx.payload.config, { trustProxy: true })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  sessionId = Number((await createSession(ctx.payload, { capacity: 5 })).id)
})
afterAll(async () => {
  server?.close()
  await ctx?.close()
})

/** Values of every wrong kind, as JSON text (so 1e999 and -0 reach the server as written). */
const hostileValues = [
  'null',
  'true',
  'false',
  '0',
  '-1',
  '-0',
  '1.5',
  '1e999',
  '-1e999',
  '9007199254740993',
  '99999999999999999999999999',
  '""',
  '" "',
  '"\\u0000"',
  '"-1"',
  '"0x10"',
  JSON.stringify('长'.repeat(1000)),
  JSON.stringify('x'.repeat(3000)),
  '{}',
  '{"$gt":""}',
  '[]',
  '[1,2]',
  '[[[[[[[[[[]]]]]]]]]]',
]

let ipCounter = 0
const post = (path: string, raw: string) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    // A new client each time: the rate limit is not what is tested here.
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.7.${++ipCounter >> 8}.${ipCounter & 255}` },
    body: raw,
  })

/** A 4xx (never a 5xx), in the error shape, with a Chinese message. */
async function expectReadableRefusal(response: Response, what: string) {
  const text = await response.text()
  expect(response.status, `${what} → ${response.status} ${text}`).toBeGreaterThanOrEqual(400)
  expect(response.status, `${what} → ${response.status} ${text}`).toBeLessThan(500)
  const message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? ''
  expect(message, `${what} → ${text}`).toMatch(CJK)
}

/** A valid body with one field replaced by raw JSON text. */
const withField = (body: Record<string, unknown>, field: string, raw: string) =>
  JSON.stringify({ ...body, [field]: '__HOLE__' }).replace('"__HOLE__"', raw)

describe('the public booking endpoints refuse hostile input readably', () => {
  it('book: every field, every wrong kind of value', async () => {
    const valid = bookingBody(sessionId)
    const fields = [...Object.keys(valid), 'email', 'community']
    for (const field of fields) {
      for (const raw of hostileValues) {
        const body = withField(valid, field, raw)
        const response = await post('/api/bookings/book', body)
        // A few values are valid for a field (an empty e-mail, a long name cut to a session that exists…):
        // only refusals are checked, and none may be a 5xx.
        if (response.status < 400) {
          await response.arrayBuffer()
          continue
        }
        await expectReadableRefusal(response, `book ${field}=${raw.slice(0, 30)}`)
      }
    }
  })
  it.each(['/api/bookings/lookup', '/api/bookings/cancel'])('%s: every field, every wrong kind', async (path) => {
    for (const field of ['code', 'phone']) {
      for (const raw of hostileValues) {
        const body = withField({ code: 'ABCD2345', phone: '13800138000' }, field, raw)
        await expectReadableRefusal(await post(path, body), `${path} ${field}=${raw.slice(0, 30)}`)
      }
    }
  })
  it.each(['/api/bookings/book', '/api/bookings/lookup', '/api/bookings/cancel'])(
    '%s: bodies that are not an object, or not JSON',
    async (path) => {
      for (const raw of [...hostileValues, '', '{', '{"a":1,}', '\u00ff\u00fe', '{"code":"ABCD2345","extra":1}']) {
        await expectReadableRefusal(await post(path, raw), `${path} body ${raw.slice(0, 30)}`)
      }
    },
  )
  // (No `..` or `%2e%2e`: fetch resolves them, so the request would name another route.)
  it('availability: ids of every wrong kind', async () => {
    const ids = ['-1', '0', '1e999', '99999999999999999999', '1.5', 'abc', '%00', '%zz', "1'OR'1", 'x'.repeat(2000)]
    for (const id of ids) {
      const response = await fetch(`${base}/api/course-sessions/${id}/availability`)
      await expectReadableRefusal(response, `availability ${id.slice(0, 30)}`)
    }
  })
  it('calendar: tokens of every wrong kind', async () => {
    const tokens = ['x', '-1', '0', '%00', '%zz', 'a.b.c', `${'A'.repeat(3000)}.ics`, '%E4%B8%AD', '0'.repeat(64)]
    for (const token of tokens) {
      const response = await fetch(`${base}/api/bookings/calendar/${token}`)
      await expectReadableRefusal(response, `calendar ${token.slice(0, 30)}`)
    }
  })
})

describe('the public course-order endpoints refuse hostile input readably', () => {
  let order: Record<string, unknown>
  beforeAll(async () => {
    const session = await ctx.payload.findByID({ collection: 'course-sessions', id: sessionId, depth: 0 })
    const community = await ctx.payload.create({
      collection: 'communities',
      data: { name: '岗厦社区', street: '福田街道', code: 'FZ-01' },
    })
    const mode = await ctx.payload.create({ collection: 'interaction-modes', data: { name: '讲座', order: 1 } })
    const day = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10)
    order = {
      course: session.course,
      organisationType: 'community',
      organisationName: '岗厦社区党群服务中心',
      street: '福田街道',
      community: community.id,
      audience: ['all'],
      headcount: 50,
      windows: [
        { from: day(10), to: day(12) },
        { from: day(20), to: day(22) },
      ],
      format: 'offline',
      venueAddress: '岗厦社区党群服务中心',
      interactionMode: mode.id,
      contactName: '李社工',
      contactPhone: '13800138000',
      consent: true,
      idempotencyKey: 'fuzz-order-key-0000000000',
    }
  })

  it('submit: every field, every wrong kind of value', async () => {
    for (const field of [...Object.keys(order), 'notes']) {
      for (const raw of hostileValues) {
        const response = await post('/api/course-orders/submit', withField(order, field, raw))
        if (response.status < 400) {
          await response.arrayBuffer()
          continue
        }
        await expectReadableRefusal(response, `submit ${field}=${raw.slice(0, 30)}`)
      }
    }
  })

  it.each([
    '/api/course-orders/track',
    '/api/course-orders/withdraw',
    '/api/course-orders/supply-info',
    '/api/course-orders/confirm',
    '/api/course-orders/ask-change',
    '/api/course-orders/cancel',
    '/api/course-orders/rate',
  ])('%s: every field, every wrong kind, and bodies that are not objects', async (path) => {
    for (const field of ['code', 'phone', 'reason', 'score']) {
      for (const raw of hostileValues) {
        const body = withField({ code: 'ABCD2345', phone: '13800138000' }, field, raw)
        await expectReadableRefusal(await post(path, body), `${path} ${field}=${raw.slice(0, 30)}`)
      }
    }
    for (const raw of [...hostileValues, '', '{', '{"code":"ABCD2345","extra":1}']) {
      await expectReadableRefusal(await post(path, raw), `${path} body ${raw.slice(0, 30)}`)
    }
  })

  it('demand signal: every field, every wrong kind', async () => {
    const valid = { course: order.course, street: '福田街道', community: order.community, phone: '13800138001' }
    for (const field of Object.keys(valid)) {
      for (const raw of hostileValues) {
        const response = await post('/api/demand-signals/signal', withField(valid, field, raw))
        if (response.status < 400) {
          await response.arrayBuffer()
          continue
        }
        await expectReadableRefusal(response, `signal ${field}=${raw.slice(0, 30)}`)
      }
    }
  })
})
