import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'
import Database from 'libsql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api } from '../helpers/api.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

/**
 * Readership without tracking, through the one-port server as `npm start` runs it: a reader's visit to an article
 * is counted per page per day, with no cookie set, no script in the page and nothing about the reader stored; bots,
 * other pages and missing pages are not counted. The nginx mirror's endpoint counts by the same rules.
 */
const BROWSER =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36'
let ctx: TestPayload
let server: http.Server
let base: string

const views = async () =>
  (await ctx.payload.find({ collection: 'page-views', pagination: false, sort: 'path' })).docs.map((d) => ({
    path: d.path,
    views: d.views,
  }))
const settle = async (expected: number) => {
  for (let i = 0; i < 40; i++) {
    const total = (await views()).reduce((n, v) => n + v.views, 0)
    if (total >= expected) return total
    await new Promise((r) => setTimeout(r, 50))
  }
  return (await views()).reduce((n, v) => n + v.views, 0)
}

beforeAll(async () => {
  ctx = await startTestPayload()
  const build = path.join(ctx.dir, 'site-builds', 'test')
  for (const page of ['articles/jia-feng', 'families/wang-jia', 'lecturers/li'])
    fs.mkdirSync(path.join(build, page), { recursive: true })
  const html = '<!doctype html><meta charset="utf-8"><title>文章</title><p>正文</p>'
  for (const page of ['articles/jia-feng', 'families/wang-jia', 'lecturers/li'])
    fs.writeFileSync(path.join(build, page, 'index.html'), html)
  fs.symlinkSync(build, path.join(ctx.dir, 'site'))

  const { createAppServer } = await import('../../cms/server/requestRouter.ts')
  const { pageViewCounter } = await import('../../cms/impact/pageViews/counter.ts')
  const unused = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.statusCode = 404
    res.end()
  }
  server = createAppServer({
    trustProxy: 0,
    siteUrl: 'http://127.0.0.1',
    restApi: unused,
    next: unused,
    countPage: pageViewCounter(ctx.payload.config),
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})
afterAll(async () => {
  await new Promise((r) => server?.close(r))
  await ctx?.close()
})

describe('page views counted by the server', () => {
  it('counts a reader’s visit to an article; the page sets no cookie and carries no script', async () => {
    const res = await fetch(`${base}/articles/jia-feng/`, { headers: { 'user-agent': BROWSER } })
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await res.text()).not.toMatch(/<script/i)
    await fetch(`${base}/articles/jia-feng`, { headers: { 'user-agent': BROWSER } }).then((r) => r.text())
    expect(await settle(2)).toBe(2)
    expect(await views()).toEqual([{ path: '/articles/jia-feng/', views: 2 }])
  })

  it('does not count bots, prefetches, other pages or missing pages', async () => {
    const visits = [
      ['/articles/jia-feng/', { 'user-agent': 'Mozilla/5.0 (compatible; Baiduspider/2.0)' }],
      ['/articles/jia-feng/', { 'user-agent': BROWSER, 'sec-purpose': 'prefetch' }],
      ['/lecturers/li/', { 'user-agent': BROWSER }],
      ['/articles/missing/', { 'user-agent': BROWSER }],
      ['/families/wang-jia/', { 'user-agent': BROWSER }],
    ] as const
    for (const [url, headers] of visits) await fetch(`${base}${url}`, { headers }).then((r) => r.text())
    expect(await settle(3)).toBe(3)
    expect(await views()).toEqual([
      { path: '/articles/jia-feng/', views: 2 },
      { path: '/families/wang-jia/', views: 1 },
    ])
  })

  it('stores nothing about the reader: a page, a day and a count', async () => {
    const file = String(process.env.DATABASE_URI).replace(/^file:/, '')
    const db = new Database(file)
    const columns = (db.prepare('PRAGMA table_info(page_views)').all() as { name: string }[]).map((c) => c.name)
    db.close()
    expect(columns.sort()).toEqual(['day', 'id', 'path', 'views'])
  })

  it('the nginx mirror endpoint counts by the same rules and answers with nothing', async () => {
    const mirror = (uri: string, ua = BROWSER) =>
      api('GET', '/api/page-views/count', undefined, { headers: { 'x-original-uri': uri, 'user-agent': ua } })
    const counted = await mirror('/families/wang-jia/?from=wechat')
    expect(counted.status).toBe(204)
    expect(counted.headers.get('set-cookie')).toBeNull()
    await mirror('/families/wang-jia/', 'Googlebot/2.1')
    await mirror('/families/nobody/')
    await mirror('/lecturers/li/')
    expect(await views()).toEqual([
      { path: '/articles/jia-feng/', views: 2 },
      { path: '/families/wang-jia/', views: 2 },
    ])
  })

  it('the dashboard lists the most-read pages of the period', async () => {
    const { readingFor } = await import('../../cms/impact/reading.ts')
    const { periodFromSearch } = await import('../../cms/impact/period.ts')
    const reading = await readingFor(ctx.payload, periodFromSearch({}))
    expect(reading.articles).toEqual([{ path: '/articles/jia-feng/', title: '/articles/jia-feng/', views: 2 }])
    expect(reading.families.map((f) => f.views)).toEqual([2])
  })
})
