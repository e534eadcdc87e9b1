import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CLIENT_IP_HEADER } from '../../cms/booking/http.ts'
import { bookingBody, createSession } from '../helpers/booking.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

/**
 * Which address the booking rate limit counts, through the server `npm start` runs (its routing and client-address
 * tagging, tests/helpers/apiOnlyServer.ts) over HTTP. Every request comes from this process's loopback socket;
 * each case sends one request more than the per-address budget and says whether the last one is refused, that is
 * whether the server counted all of them against one address.
 */
let ctx: TestPayload
let bookPerIp: number
type Proxy = 'trusted' | 'untrusted'
const serverUrls = new Map<Proxy, string>()
const listening: http.Server[] = []

beforeAll(async () => {
  ctx = await startTestPayload()
  // cms modules read DATA_DIR when first imported: load them after the test Payload has set it.
  const [{ apiOnlyServer }, { limits }] = await Promise.all([
    import('../helpers/apiOnlyServer.ts'),
    import('../../cms/booking/service.ts'),
  ])
  bookPerIp = limits.bookPerIp
  for (const proxy of ['trusted', 'untrusted'] as const) {
    const server = apiOnlyServer(ctx.payload.config, { trustProxy: proxy === 'trusted' })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    listening.push(server)
    serverUrls.set(proxy, `http://127.0.0.1:${(server.address() as AddressInfo).port}`)
  }
})
afterAll(async () => {
  for (const server of listening) server.close()
  await ctx?.close()
})
beforeEach(async () => {
  // Each case starts with every address's budget untouched.
  await ctx.payload.delete({ collection: 'rate-limits', where: { id: { exists: true } }, overrideAccess: true })
})

type Case = {
  proxy: Proxy
  /** Headers of the i-th request. */
  headers: (i: number) => Record<string, string>
  /** Whether the server counts all the requests against one address. */
  oneAddress: boolean
}

const cases: Record<string, Case> = {
  'without a trusted proxy, X-Forwarded-For is ignored: the socket address counts': {
    proxy: 'untrusted',
    headers: (i) => ({ 'x-forwarded-for': `198.51.100.${i}` }),
    oneAddress: true,
  },
  'behind a trusted proxy, the leftmost X-Forwarded-For entry counts, one per client': {
    proxy: 'trusted',
    headers: (i) => ({ 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9` }),
    oneAddress: false,
  },
  'behind a trusted proxy, one client is one address whatever proxies it came through': {
    proxy: 'trusted',
    headers: (i) => ({ 'x-forwarded-for': `198.51.100.7, 203.0.113.${i}` }),
    oneAddress: true,
  },
  'without a trusted proxy, a client cannot name its own address in the internal header': {
    proxy: 'untrusted',
    headers: (i) => ({ [CLIENT_IP_HEADER]: `198.51.100.${i}` }),
    oneAddress: true,
  },
  'behind a trusted proxy, a client cannot name its own address in the internal header': {
    proxy: 'trusted',
    headers: (i) => ({ [CLIENT_IP_HEADER]: `198.51.100.${i}`, 'x-forwarded-for': '203.0.113.5' }),
    oneAddress: true,
  },
}

describe('the client address rate limits count', () => {
  it.each(Object.entries(cases))('%s', async (_, { proxy, headers, oneAddress }) => {
    const session = await createSession(ctx.payload, { capacity: bookPerIp + 1 })
    const statuses: number[] = []
    for (let i = 0; i <= bookPerIp; i++) {
      const response = await fetch(`${serverUrls.get(proxy)}/api/bookings/book`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers(i) },
        body: JSON.stringify(bookingBody(session.id)),
      })
      await response.arrayBuffer()
      statuses.push(response.status)
    }
    expect(statuses).toEqual([...Array(bookPerIp).fill(201), oneAddress ? 429 : 201])
  })
})
