import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

/** /healthz and /readyz as a load balancer sees them, on the server `npm start` runs. */
let ctx: TestPayload
let server: http.Server
let base: string
let health: typeof import('../../cms/server/health.ts')
let migrations: typeof import('../../cms/migrations/index.ts').migrations

const get = async (p: string) => {
  const response = await fetch(`${base}${p}`)
  return { status: response.status, body: await response.text(), cacheControl: response.headers.get('cache-control') }
}

beforeAll(async () => {
  ctx = await startTestPayload()
  // Imported once DATA_DIR names the test's directory (where the served site link is looked for).
  health = await import('../../cms/server/health.ts')
  migrations = (await import('../../cms/migrations/index.ts')).migrations
  const { apiOnlyServer } = await import('../helpers/apiOnlyServer.ts')
  // The test database's schema was pushed, not migrated: record the committed migrations as a migrated one has them.
  for (const { name } of migrations)
    await ctx.payload.db.create({ collection: 'payload-migrations', data: { name, batch: 1 } })
  server = apiOnlyServer(ctx.payload.config, { trustProxy: false })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(async () => {
  server?.close()
  await ctx?.close()
})

describe('health endpoints', () => {
  it('answers liveness at once and readiness only once the process says it is started', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, body: 'ok', cacheControl: 'no-store' })
    expect(await get('/readyz')).toMatchObject({ status: 503, body: 'not ready' })
    health.setReadinessCheck(health.platformReadiness(ctx.payload))
  })

  it('is ready only with a site build served, and says nothing about why not', async () => {
    expect(await get('/readyz')).toEqual({ status: 503, body: 'not ready', cacheControl: 'no-store' })
    const build = path.join(ctx.dir, 'site-builds', 'stand-in')
    fs.mkdirSync(build, { recursive: true })
    fs.writeFileSync(path.join(build, 'index.html'), '<!doctype html><title>福家</title>')
    fs.symlinkSync(build, path.join(ctx.dir, 'site'))
    expect(await get('/readyz')).toEqual({ status: 200, body: 'ok', cacheControl: 'no-store' })
  })

  it('is not ready while a committed schema migration is not applied', async () => {
    const last = migrations.at(-1)?.name as string
    await ctx.payload.db.deleteMany({ collection: 'payload-migrations', where: { name: { equals: last } } })
    expect((await get('/readyz')).status).toBe(503)
    await ctx.payload.db.create({ collection: 'payload-migrations', data: { name: last, batch: 2 } })
    expect((await get('/readyz')).status).toBe(200)
  })

  it('is cheap enough to ask every few seconds', async () => {
    const calls = 200
    const started = performance.now()
    for (let i = 0; i < calls; i++) expect((await get('/readyz')).status).toBe(200)
    const each = (performance.now() - started) / calls
    console.log(`/readyz: ${each.toFixed(2)} ms a call over HTTP (${calls} calls one after another)`)
    expect(each).toBeLessThan(50)
  })

  it('is not ready while the database does not answer', async () => {
    const { find } = ctx.payload.db
    ctx.payload.db.find = () => Promise.reject(new Error('SQLITE_IOERR: disk I/O error'))
    try {
      expect(await get('/readyz')).toMatchObject({ status: 503, body: 'not ready' })
    } finally {
      ctx.payload.db.find = find
    }
    expect((await get('/readyz')).status).toBe(200)
  })

  it('turns unready at once when the process starts draining, while liveness holds', async () => {
    health.markDraining()
    expect((await get('/readyz')).status).toBe(503)
    expect((await get('/healthz')).status).toBe(200)
  })
})
