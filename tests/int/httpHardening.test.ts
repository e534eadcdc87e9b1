import fs from 'node:fs'
import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'
import { rawRequest } from '../helpers/rawHttp.ts'

/**
 * The one-port server's answers to hostile requests, over HTTP and raw sockets against the router `npm start`
 * runs (tests/helpers/apiOnlyServer.ts): malformed requests, body limits, cross-site calls, security headers.
 */
let ctx: TestPayload
let port: number
let httpsPort: number
let base: string
const listening: http.Server[] = []
const CJK = /[\u4e00-\u9fff]/
/** The platform's own origin in tests: SITE_URL unset, PORT 3000 (cms/payload.config.ts `csrf`). */
const OWN_ORIGIN = 'http://localhost:3000'
const FOREIGN_ORIGIN = 'https://evil.example'

beforeAll(async () => {
  ctx = await startTestPayload()
  const { apiOnlyServer } = await import('../helpers/apiOnlyServer.ts')
  const listen = async (server: http.Server) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    listening.push(server)
    return (server.address() as AddressInfo).port
  }
  port = await listen(apiOnlyServer(ctx.payload.config, { trustProxy: false }))
  httpsPort = await listen(
    apiOnlyServer(ctx.payload.config, { trustProxy: false, siteUrl: 'https://fujia.example.cn' }),
  )
  base = `http://127.0.0.1:${port}`
})
afterAll(async () => {
  for (const server of listening) server.close()
  await ctx?.close()
})

const head = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`

describe('a malformed request is answered 400 and its connection closed', () => {
  const requests: Record<string, string> = {
    'a Host with a space': head(['GET /api/course-sessions/1/availability HTTP/1.1', 'Host: a b']),
    'a percent-encoded Host': head(['POST /api/bookings/lookup HTTP/1.1', 'Host: %zz', 'Content-Length: 0']),
    'a Host of credentials only': head(['GET /api/bookings/calendar/x HTTP/1.1', 'Host: @']),
    'a Host on the admin API': head(['GET /api/users/me HTTP/1.1', 'Host: a b']),
    'a Host on the site': head(['GET / HTTP/1.1', 'Host: %zz']),
    'a path that does not decode': head(['GET /courses/%zz/ HTTP/1.1', 'Host: localhost']),
    'an absolute URL (a proxy request)': head(['GET http://evil.example/ HTTP/1.1', 'Host: localhost']),
    'a header name with a space': head(['GET / HTTP/1.1', 'Host: localhost', 'Bad Header: x']),
    'a broken Content-Length': head(['POST /api/bookings/book HTTP/1.1', 'Host: localhost', 'Content-Length: 1x']),
  }
  it.each(Object.entries(requests))('%s', async (_, request) => {
    const answer = await rawRequest(port, request)
    expect(answer.status).toBe(400)
    expect(answer.closed).toBe(true)
  })
  it('the refusal is JSON in Chinese', async () => {
    const answer = await rawRequest(port, requests['a Host with a space'] ?? '')
    expect(answer.text).toMatch(/Connection: close/i)
    expect(JSON.parse(answer.text.split('\r\n\r\n')[1] ?? '').error.message).toMatch(CJK)
  })
})

describe('request bodies are limited while they are read', () => {
  const MB = 1024 * 1024
  const chunked = (target: string, contentType = 'application/json') =>
    head([`POST ${target} HTTP/1.1`, 'Host: localhost', `Content-Type: ${contentType}`, 'Transfer-Encoding: chunked'])
  /** Writes 64 KB chunks until the server answers; reports how much it had to send. */
  const endless = () => {
    let sent = 0
    const chunk = `10000\r\n${'x'.repeat(0x10000)}\r\n`
    return {
      more: (i: number) => {
        if (i >= 400) return undefined
        sent += 0x10000
        return chunk
      },
      sent: () => sent,
    }
  }

  it('a declared 100 MB body to the API is refused at once with 413, before any of it is sent', async () => {
    const answer = await rawRequest(
      port,
      head([
        'POST /api/users/login HTTP/1.1',
        'Host: localhost',
        'Content-Type: application/json',
        `Content-Length: ${100 * MB}`,
      ]),
    )
    expect(answer.status).toBe(413)
    expect(answer.closed).toBe(true)
  })
  it('a chunked JSON body to the API is cut off with 413 once it passes 1 MB', async () => {
    const body = endless()
    const answer = await rawRequest(port, chunked('/api/users/login'), { more: body.more, waitMs: 20_000 })
    expect(answer.status).toBe(413)
    expect(answer.closed).toBe(true)
    expect(body.sent()).toBeGreaterThan(1 * MB)
    expect(body.sent()).toBeLessThan(4 * MB)
  })
  it('an upload may be larger than a JSON body, up to the upload limit', async () => {
    const body = endless()
    const answer = await rawRequest(port, chunked('/api/media', 'multipart/form-data; boundary=x'), {
      more: body.more,
      waitMs: 30_000,
    })
    expect(answer.status).toBe(413)
    expect(body.sent()).toBeGreaterThan(11 * MB)
    expect(body.sent()).toBeLessThan(14 * MB)
  })
  it('the public booking API takes 4 KB: a chunked body past it is cut off', async () => {
    const body = endless()
    const answer = await rawRequest(port, chunked('/api/bookings/book'), { more: body.more })
    expect(answer.status).toBe(413)
    expect(body.sent()).toBeLessThan(1 * MB)
    expect(JSON.parse(answer.text.split('\r\n\r\n')[1] ?? '').error.message).toMatch(CJK)
  })
  it('a body within the limit is read as usual', async () => {
    const response = await fetch(`${base}/api/bookings/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'ABCD2345', phone: '13800138000' }),
    })
    expect(response.status).toBe(404)
  })
})

describe('cross-site requests to the public booking API', () => {
  const lookup = (headers: Record<string, string>) =>
    fetch(`${base}/api/bookings/lookup`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ code: 'ABCD2345', phone: '13800138000' }),
    })
  const messageOf = async (response: Response) => ((await response.json()) as { error: { message: string } }).error

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'a %s body (sent by any page without a preflight) is refused with 415',
    async (contentType) => {
      const response = await lookup({ 'content-type': contentType })
      expect(response.status).toBe(415)
      expect((await messageOf(response)).message).toMatch(CJK)
    },
  )
  it('a request without a Content-Type is refused with 415', async () => {
    const response = await fetch(`${base}/api/bookings/cancel`, { method: 'POST', body: new Uint8Array([123, 125]) })
    expect(response.status).toBe(415)
  })
  it('a foreign Origin is refused with 403, for reads too', async () => {
    const refused = await lookup({ 'content-type': 'application/json', origin: FOREIGN_ORIGIN })
    expect(refused.status).toBe(403)
    expect((await messageOf(refused)).message).toMatch(CJK)
    const availability = await fetch(`${base}/api/course-sessions/1/availability`, {
      headers: { origin: FOREIGN_ORIGIN },
    })
    expect(availability.status).toBe(403)
  })
  it('the platform’s own origin and requests without Origin are answered', async () => {
    expect((await lookup({ 'content-type': 'application/json', origin: OWN_ORIGIN })).status).toBe(404)
    expect((await lookup({ 'content-type': 'application/json; charset=utf-8' })).status).toBe(404)
  })
})

describe('staff requests rely on Payload’s CSRF check', () => {
  const email = 'csrf-admin@fujia.test'
  const password = 'csrf-admin-password'
  let cookie: string
  beforeAll(async () => {
    await ctx.payload.create({
      collection: 'users',
      data: { email, password, name: '测试管理员', roles: ['admin'] },
      overrideAccess: true,
    })
    const login = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: OWN_ORIGIN },
      body: JSON.stringify({ email, password }),
    })
    expect(login.status).toBe(200)
    cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    expect(cookie).toMatch(/payload-token=/)
  })
  const createTopic = (origin: string, name: string) =>
    fetch(`${base}/api/topics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin },
      body: JSON.stringify({ name, slug: name }),
    })

  it('a cookie-authenticated POST from a foreign Origin is not signed in: refused', async () => {
    const refused = await createTopic(FOREIGN_ORIGIN, 'csrf-foreign')
    expect(refused.status).toBe(403)
    expect(
      (await ctx.payload.find({ collection: 'topics', where: { slug: { equals: 'csrf-foreign' } } })).docs,
    ).toEqual([])
  })
  it('the same POST from the admin’s own origin is', async () => {
    expect((await createTopic(OWN_ORIGIN, 'csrf-own')).status).toBe(201)
  })
})

describe('security headers', () => {
  const headersOf = async (url: string) => {
    const response = await fetch(url)
    await response.arrayBuffer()
    return response.headers
  }
  const areas = {
    site: '/',
    preview: '/preview/articles/1/',
    admin: '/admin',
    api: '/api/globals/site-settings',
    publicApi: '/api/course-sessions/1/availability',
    media: '/media/missing.webp',
  }
  it.each(Object.entries(areas))('every response carries the common headers: %s', async (_, target) => {
    const headers = await headersOf(`${base}${target}`)
    expect(headers.get('x-content-type-options')).toBe('nosniff')
    expect(headers.get('x-frame-options')).toBe('DENY')
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    const csp = headers.get('content-security-policy') ?? ''
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) {
      expect(csp).toContain(directive)
    }
    expect(headers.get('strict-transport-security')).toBeNull()
  })
  it('the admin is kept to its own origin', async () => {
    expect((await headersOf(`${base}/admin`)).get('content-security-policy')).toContain("default-src 'self'")
  })
  it('API answers and uploads are never run as documents', async () => {
    for (const target of [areas.api, areas.media]) {
      const csp = (await headersOf(`${base}${target}`)).get('content-security-policy')
      expect(csp).toContain("default-src 'none'")
      expect(csp).toContain('sandbox')
    }
  })
  it('the site leaves scripts and styles to the policy in each page', async () => {
    const csp = (await headersOf(`${base}/`)).get('content-security-policy') ?? ''
    expect(csp).not.toMatch(/default-src|script-src|style-src/)
  })
  it('HSTS when SITE_URL is https', async () => {
    const headers = await headersOf(`http://127.0.0.1:${httpsPort}/`)
    expect(headers.get('strict-transport-security')).toMatch(/^max-age=\d{8}/)
  })
  it('uploads are served with their exact type, and a file of unknown type as data', async () => {
    const media = path.join(ctx.dir, 'media')
    fs.mkdirSync(media, { recursive: true })
    fs.writeFileSync(path.join(media, 'photo.webp'), 'RIFF')
    fs.writeFileSync(path.join(media, 'page.unknownext'), '<script>alert(1)</script>')
    const webp = await headersOf(`${base}/media/photo.webp`)
    expect(webp.get('content-type')).toBe('image/webp')
    expect(webp.get('x-content-type-options')).toBe('nosniff')
    expect((await headersOf(`${base}/media/page.unknownext`)).get('content-type')).toBe('application/octet-stream')
  })
})
