import crypto from 'node:crypto'
import fs from 'node:fs'
import https from 'node:https'
import path from 'node:path'
import tls from 'node:tls'
import { expect, test } from '@playwright/test'
import { PRECOMPRESSED_MARKER } from '../../cms/publishing/compress.ts'
import { type ApiServer, startApiServer } from '../helpers/servers.ts'
import { freePort, nginxInstalled, startNginx } from './nginxProxy.ts'
import { E2E_PORT } from './platform.ts'

/**
 * The platform behind nginx with deploy/nginx/fujia.conf (README: Operations): TLS and HTTP/2, the static site with
 * its cache and security headers compressed ahead of time, the API proxied, and rate limits counting the client
 * behind the proxy. nginx serves the e2e platform's data directory; behind it runs a second server process of the
 * platform on the same database (the one `npm start` runs, without the admin) with production's proxy settings:
 * TRUST_PROXY=1 and SITE_URL the https address, as `npm start` would be configured behind nginx.
 */
test.skip(!nginxInstalled(), 'nginx is not installed (apt-get install nginx libnginx-mod-http-brotli-static)')
test.describe.configure({ mode: 'serial' })

const dataDir = path.resolve(import.meta.dirname, '../..', 'data', `e2e-${E2E_PORT}`)
let platform: ApiServer
let nginx: Awaited<ReturnType<typeof startNginx>>

test.beforeAll(async () => {
  test.setTimeout(180_000)
  // Both addresses first: the platform must know its public https address (its allowed origin).
  const [port, upstreamPort] = [await freePort(), await freePort()]
  platform = await startApiServer({
    DATA_DIR: dataDir,
    API_PORT: String(upstreamPort),
    TRUST_PROXY: '1',
    SITE_URL: `https://127.0.0.1:${port}`,
  })
  nginx = await startNginx({ dataDir, upstreamPort, port })
})
test.afterAll(async () => {
  await nginx?.stop()
  await platform?.stop()
})

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

/** One request over HTTP/1.1 with exactly the headers given, from a chosen loopback address (a client of its own). */
const call = (
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {},
): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const req = https.request(
      url,
      { method: opts.method ?? 'GET', headers: opts.headers, rejectUnauthorized: false, localAddress: opts.from },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      },
    )
    req.on('error', reject)
    req.end(opts.body)
  })

const currentSite = () => fs.realpathSync(path.join(dataDir, 'site'))
/** A loopback address of its own (127.x.y.z): its rate-limit budget is fresh, and not the browser's 127.0.0.1. */
const loopbackClient = () => `127.${crypto.randomInt(1, 255)}.${crypto.randomInt(1, 255)}.${crypto.randomInt(2, 255)}`
const SITE_HEADERS = ['x-content-type-options', 'x-frame-options', 'referrer-policy', 'content-security-policy']

/**
 * Earlier specs publish: a rebuild may still be swapping in a new site, which is served uncompressed until its
 * compressed copies are written (cms/publishing/buildSite.ts). Waits for a site whose copies are complete.
 */
const settledSite = async () => {
  await expect
    .poll(() => fs.existsSync(path.join(currentSite(), PRECOMPRESSED_MARKER)), { timeout: 120_000 })
    .toBe(true)
  return currentSite()
}

test('serves the site itself: precompressed, cached as intended, with the platform’s security headers', async () => {
  test.setTimeout(240_000)
  // A rebuild swapping in mid-check changes the bytes compared: check again on the settled site.
  let site = ''
  await expect(async () => {
    site = await settledSite()
    const br = await call(`${nginx.url}/`, { headers: { 'accept-encoding': 'br, gzip' } })
    expect(br.status).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.body.equals(fs.readFileSync(path.join(site, 'index.html.br')))).toBe(true)
    expect(br.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(br.headers['strict-transport-security']).toBe('max-age=31536000')
    const direct = await fetch(`http://127.0.0.1:${E2E_PORT}/`)
    for (const name of SITE_HEADERS) expect(br.headers[name], name).toBe(direct.headers.get(name))

    const gz = await call(`${nginx.url}/`, { headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gz.body.equals(fs.readFileSync(path.join(site, 'index.html.gz')))).toBe(true)
    expect(currentSite()).toBe(site)
  }).toPass({ timeout: 180_000 })

  const asset = fs.readdirSync(path.join(site, '_astro')).find((f) => /\.(css|js)$/.test(f))
  expect(asset, 'a hashed asset in the build').toBeTruthy()
  const cached = await call(`${nginx.url}/_astro/${asset}`, { headers: { 'accept-encoding': 'br' } })
  expect(cached.status).toBe(200)
  expect(cached.headers['content-encoding']).toBe('br')
  expect(cached.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  expect(cached.headers['x-content-type-options']).toBe('nosniff')

  // What the build does not hold is the platform's: its 404 page.
  const missing = await call(`${nginx.url}/no-such-page-${crypto.randomUUID()}/`)
  expect(missing.status).toBe(404)
  expect(missing.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/)

  const alpn = await new Promise<string | false>((resolve, reject) => {
    const socket = tls.connect(
      { host: '127.0.0.1', port: nginx.port, ALPNProtocols: ['h2', 'http/1.1'], rejectUnauthorized: false },
      () => {
        resolve(socket.alpnProtocol ?? false)
        socket.end()
      },
    )
    socket.on('error', reject)
  })
  expect(alpn).toBe('h2')
})

test('proxies the API with nginx’s request id, answers health checks and refuses oversized bodies', async () => {
  const api = await call(`${nginx.url}/api/course-sessions?limit=1&depth=0`)
  expect(api.status).toBe(200)
  expect(JSON.parse(api.body.toString()).docs).toHaveLength(1)
  const rid = api.headers['x-request-id'] as string
  expect(rid).toMatch(/^[0-9a-f]{32}$/) // nginx's $request_id, taken over by the platform (TRUST_PROXY)
  // nginx writes the log line once the request is done, which may be just after the client has its answer.
  await expect.poll(() => nginx.accessLog()).toContain(`rid=${rid}`)
  expect((await call(`${nginx.url}/healthz`)).body.toString()).toBe('ok')
  const ready = await call(`${nginx.url}/readyz`)
  expect([ready.status, ready.body.toString()]).toEqual([200, 'ok'])

  const tooLarge = await call(`${nginx.url}/api/media`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: 'x'.repeat(13 * 1024 * 1024),
  })
  expect(tooLarge.status).toBe(413)
})

test('rate limits count the client behind the proxy, whatever X-Forwarded-For it sends', async () => {
  const lookup = (from: string, forwardedFor: string) =>
    call(`${nginx.url}/api/bookings/lookup`, {
      method: 'POST',
      from,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ code: 'ABCD2345', phone: '13800000000' }),
    })
  const client = loopbackClient()
  const statuses: number[] = []
  // A new made-up address in every request: were it believed, each would start a budget of its own.
  for (let i = 0; i < 61; i++) statuses.push((await lookup(client, `203.0.113.${i}`)).status)
  expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true) // no such booking, within the budget
  expect(statuses[60]).toBe(429) // the 61st: one budget for the one client (limits.lookupPerIp = 60)

  // Another client through the same proxy has its own budget: the proxy's address is never the one counted.
  expect((await lookup(loopbackClient(), '203.0.113.1')).status).toBe(404)
})

test.describe('in the browser', () => {
  test.use({ ignoreHTTPSErrors: true })

  test('a parent books a seat through nginx', async ({ page }) => {
    const sessions = JSON.parse(
      (
        await call(`${nginx.url}/api/course-sessions?depth=1&limit=200&sort=startsAt&where[status][equals]=scheduled`)
      ).body.toString(),
    ).docs as {
      id: number
      capacity: number
      confirmedCount?: number
      bookingOpensAt: string
      bookingClosesAt: string
      course: { slug: string }
    }[]
    const now = Date.now()
    const session = sessions.find(
      (s) =>
        Date.parse(s.bookingOpensAt) <= now &&
        Date.parse(s.bookingClosesAt) > now + 3_600_000 &&
        s.capacity - (s.confirmedCount ?? 0) >= 2,
    )
    expect(session, 'an open sample session with free seats').toBeTruthy()
    if (!session) return
    const phone = `137${String(crypto.randomInt(1e8)).padStart(8, '0')}`

    await page.goto(`${nginx.url}/courses/${session.course.slug}/`)
    await page.locator('#booking').scrollIntoViewIfNeeded() // the island hydrates once visible
    const island = page.getByRole('region', { name: '在线报名' })
    await expect(island.getByLabel('家长姓名')).toBeEnabled()
    await island.locator(`input[name="bk-session"][value="${session.id}"]`).check()
    await island.getByLabel('家长姓名').fill('代理测试家长')
    await island.getByLabel('手机号').fill(phone)
    await island.getByLabel('孩子年龄段').selectOption('6-12')
    await island.getByLabel('所在街道').selectOption('福田街道')
    await island.getByRole('checkbox', { name: /我是孩子的监护人/ }).check()
    await island.getByRole('button', { name: '提交报名' }).click()
    const result = page.getByRole('region', { name: '报名结果' })
    await expect(result.getByRole('heading', { name: '报名成功' })).toBeVisible()
    const code = (await page.locator('.bk-code').textContent())?.replace(/\s/g, '') ?? ''

    // Stored: the same booking is found again through the proxy.
    const found = await call(`${nginx.url}/api/bookings/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, phone }),
    })
    expect(found.status).toBe(200)
    expect(JSON.parse(found.body.toString())).toMatchObject({ code })
  })
})
