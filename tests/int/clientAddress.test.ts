import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CLIENT_IP_HEADER } from '../../cms/booking/http.ts'
import type { TrustProxy } from '../../cms/server/clientAddress.ts'
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
/** The servers under test, by what TRUST_PROXY says of the proxies in front of them. */
const trustSettings = {
  untrusted: 0,
  oneHop: 1,
  twoHops: 2,
  listed: ['127.0.0.1', '10.0.0.1'],
} satisfies Record<string, TrustProxy>
type Proxy = keyof typeof trustSettings
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
  for (const [proxy, trustProxy] of Object.entries(trustSettings) as [Proxy, TrustProxy][]) {
    const server = apiOnlyServer(ctx.payload.config, { trustProxy })
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
  // nginx's $proxy_add_x_forwarded_for appends the address it saw to whatever the client sent.
  'behind one proxy, entries the client wrote before the proxy appended its peer do not count': {
    proxy: 'oneHop',
    headers: (i) => ({ 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9` }),
    oneAddress: true,
  },
  'behind one proxy, the entry the proxy appended counts, one per client': {
    proxy: 'oneHop',
    headers: (i) => ({ 'x-forwarded-for': `198.51.100.7, 203.0.113.${i}` }),
    oneAddress: false,
  },
  'behind two proxies, the entry the outer proxy appended counts, not the client-written ones': {
    proxy: 'twoHops',
    headers: (i) => ({ 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7, 10.0.0.1` }),
    oneAddress: true,
  },
  'behind two proxies, one address per client the outer proxy saw': {
    proxy: 'twoHops',
    headers: (i) => ({ 'x-forwarded-for': `198.51.100.7, 203.0.113.${i}, 10.0.0.1` }),
    oneAddress: false,
  },
  'behind listed proxies, the first address from the right that is not a listed proxy counts': {
    proxy: 'listed',
    headers: (i) => ({ 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7, 10.0.0.1` }),
    oneAddress: true,
  },
  'behind listed proxies, one address per client': {
    proxy: 'listed',
    headers: (i) => ({ 'x-forwarded-for': `198.51.100.${i}, 10.0.0.1` }),
    oneAddress: false,
  },
  'without a trusted proxy, a client cannot name its own address in the internal header': {
    proxy: 'untrusted',
    headers: (i) => ({ [CLIENT_IP_HEADER]: `198.51.100.${i}` }),
    oneAddress: true,
  },
  'behind a trusted proxy, a client cannot name its own address in the internal header': {
    proxy: 'oneHop',
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
