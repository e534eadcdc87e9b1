import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { blocksToLexical } from '../../content-migrations/lib/lexical.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

/**
 * Publish → live: what marks the site stale, the rebuild worker (debounce, lease across processes, failures,
 * deploy webhook) with a stand-in build, and one real Astro build pair (publish → page served; unpublish → gone).
 */

// cms modules read DATA_DIR when first imported: load them after the test Payload has set it.
type Modules = {
  store: typeof import('../../cms/publishing/buildState/index.ts')
  worker: typeof import('../../cms/publishing/worker.ts')
  rebuild: typeof import('../../cms/publishing/rebuild.ts')
  buildSite: typeof import('../../cms/publishing/buildSite.ts')
  buildDirs: typeof import('../../cms/publishing/buildDirs.ts')
}
let ctx: TestPayload
let payload: Payload
let m: Modules
const nodeEnv = process.env.NODE_ENV
const workers: { stop: () => Promise<void> }[] = []

beforeAll(async () => {
  // The real build runs `astro build` in a child process with NODE_ENV=production, which applies the committed
  // schema migrations: so the test database is made by those migrations too (a pushed schema would clash).
  Object.assign(process.env, { NODE_ENV: 'production' })
  // Astro may write server chunks into the build directory and import packages from there: keep the throwaway
  // data directory inside the checkout (as the default data/ is), where node_modules resolves.
  const scratch = path.resolve('data/tmp')
  fs.mkdirSync(scratch, { recursive: true })
  process.env.TMPDIR = scratch
  ctx = await startTestPayload()
  payload = ctx.payload
  m = {
    store: await import('../../cms/publishing/buildState/index.ts'),
    worker: await import('../../cms/publishing/worker.ts'),
    rebuild: await import('../../cms/publishing/rebuild.ts'),
    buildSite: await import('../../cms/publishing/buildSite.ts'),
    buildDirs: await import('../../cms/publishing/buildDirs.ts'),
  }
}, 180_000)
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()))
})
afterAll(async () => {
  await ctx?.close()
  Object.assign(process.env, { NODE_ENV: nodeEnv })
})

const state = () => m.store.siteBuildStore(payload).read()
const client = () => (payload.db as unknown as { client: import('@libsql/client').Client }).client
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const lexical = (text: string) => blocksToLexical([{ type: 'p', text }])

let articleCount = 0
/** A new article saved as a draft (what the admin's first autosave does). */
async function draftArticle(title = `发布测试文章${++articleCount}`) {
  return payload.create({
    collection: 'articles',
    data: { title, summary: `${title}的摘要`, body: lexical(`${title}的正文。`), origin: 'original' },
    draft: true,
  })
}
const publish = (id: number | string) =>
  payload.update({ collection: 'articles', id, data: { _status: 'published' }, depth: 0 })
const unpublish = (id: number | string) =>
  payload.update({ collection: 'articles', id, data: { _status: 'draft' }, depth: 0 })

/** A worker with a stand-in build that counts its runs. */
function countingWorker(
  opts: { owner?: string; quietMs?: number; buildMs?: number; onBuild?: () => Promise<void> } = {},
) {
  const runs = { count: 0, concurrent: 0, maxConcurrent: 0 }
  const worker = new m.worker.SiteBuildWorker({
    store: m.store.siteBuildStore(payload),
    owner: opts.owner,
    quietMs: opts.quietMs ?? 300,
    pollMs: 50,
    log: () => undefined,
    build: async () => {
      runs.count++
      runs.concurrent++
      runs.maxConcurrent = Math.max(runs.maxConcurrent, runs.concurrent)
      try {
        await opts.onBuild?.()
        await sleep(opts.buildMs ?? 100)
      } finally {
        runs.concurrent--
      }
    },
  })
  workers.push(worker)
  return { worker, runs }
}

/** Waits (bounded) until the workers running on their own have handled every request made so far and let go. */
async function allHandled() {
  await vi.waitUntil(
    async () => {
      const s = await state()
      return s.handledSeq === s.requestSeq && s.status !== 'building' && !s.leaseOwner
    },
    { timeout: 60_000, interval: 50 },
  )
}

/** Lets any worker catch up with every request made so far. */
async function settle(worker: { runPending: () => Promise<number> }) {
  await worker.runPending()
  const s = await state()
  expect(s.handledSeq).toBe(s.requestSeq)
}

describe('what marks the site stale', () => {
  it('publishing an article records a request; saving or autosaving its draft does not', async () => {
    const before = await state()
    const article = await draftArticle()
    await payload.update({ collection: 'articles', id: article.id, data: { title: '草稿改名' }, draft: true })
    expect((await state()).requestSeq).toBe(before.requestSeq)

    const publishedAt = Date.now()
    await publish(article.id)
    const afterPublish = await state()
    expect(afterPublish.requestSeq).toBe(before.requestSeq + 1)
    expect(Date.parse(afterPublish.requestedAt ?? '')).toBeGreaterThanOrEqual(publishedAt - 5)

    // The admin's autosave and "save draft" on the published article: the site keeps showing the published one.
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: '自动保存的修改' },
      draft: true,
      autosave: true,
    })
    await payload.update({ collection: 'articles', id: article.id, data: { summary: '存草稿' }, draft: true })
    expect((await state()).requestSeq).toBe(afterPublish.requestSeq)

    // Unpublishing while a newer draft is pending still changes the site.
    await unpublish(article.id)
    expect((await state()).requestSeq).toBe(afterPublish.requestSeq + 1)
  })

  it('deleting a published document, publishing from a scheduled job, and changing a global record requests', async () => {
    const start = (await state()).requestSeq
    const neverPublished = await draftArticle()
    await payload.delete({ collection: 'articles', id: neverPublished.id })
    expect((await state()).requestSeq).toBe(start)

    const published = await draftArticle()
    await publish(published.id)
    await payload.delete({ collection: 'articles', id: published.id })
    expect((await state()).requestSeq).toBe(start + 2)

    // Scheduled publishing is Payload's `schedulePublish` job, run by the server's job runner.
    const scheduled = await draftArticle()
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'articles', value: scheduled.id } },
      waitUntil: new Date(Date.now() - 1000),
    })
    await payload.jobs.run({ limit: 10 })
    const afterJob = await payload.findByID({ collection: 'articles', id: scheduled.id, depth: 0 })
    expect(afterJob._status).toBe('published')
    expect((await state()).requestSeq).toBe(start + 3)

    await payload.updateGlobal({ slug: 'home', data: { announcement: '通知：发布测试' } })
    await payload.create({ collection: 'topics', data: { name: `发布测试专题${Date.now()}` } })
    expect((await state()).requestSeq).toBe(start + 5)
  })

  it('uploading an image records no request (nothing shows it yet); editing or deleting one does', async () => {
    const { default: sharp } = await import('sharp')
    const data = await sharp({ create: { width: 64, height: 36, channels: 3, background: '#2f4b7c' } })
      .png()
      .toBuffer()
    const start = (await state()).requestSeq
    const image = await payload.create({
      collection: 'media',
      data: { alt: '上传测试' },
      file: { data, mimetype: 'image/png', name: `stale-test-${Date.now()}.png`, size: data.length },
    })
    expect((await state()).requestSeq).toBe(start)
    await payload.update({ collection: 'media', id: image.id, data: { alt: '改过的替代文字' } })
    expect((await state()).requestSeq).toBe(start + 1)
    await payload.delete({ collection: 'media', id: image.id })
    expect((await state()).requestSeq).toBe(start + 2)
  })

  it('the site-build global is readable by staff only and writable by nobody', async () => {
    const editor = { id: 1, collection: 'users', roles: ['editor'] } as never
    const read = await payload.findGlobal({ slug: 'site-build', overrideAccess: false, user: editor })
    expect(read.status).toBeDefined()
    await expect(payload.findGlobal({ slug: 'site-build', overrideAccess: false, user: null })).rejects.toMatchObject({
      status: 403,
    })
    const admin = { id: 1, collection: 'users', roles: ['admin'] } as never
    await expect(
      payload.updateGlobal({ slug: 'site-build', data: { status: 'failed' }, overrideAccess: false, user: admin }),
    ).rejects.toMatchObject({ status: 403 })
  })
})

describe('the rebuild worker', () => {
  it('builds exactly once for a burst of publishes, even with two processes watching', async () => {
    const quietMs = 1000
    const a = countingWorker({ owner: 'host-a/1', quietMs })
    const b = countingWorker({ owner: 'host-b/2', quietMs })
    await settle(a.worker)
    a.runs.count = 0
    a.worker.start()
    b.worker.start()

    // Five publishes spread over longer than the quiet period, each well within it of the one before (a slow
    // publish on a busy machine included): a quiet period counted from the first one would build mid-burst.
    const drafts = await Promise.all([1, 2, 3, 4, 5].map(() => draftArticle()))
    for (const d of drafts) {
      await publish(d.id)
      await sleep(quietMs / 3)
    }
    await allHandled()
    await Promise.all([a.worker.idle(), b.worker.idle()])
    expect(a.runs.count + b.runs.count).toBe(1)
    expect(Math.max(a.runs.maxConcurrent, b.runs.maxConcurrent)).toBe(1)
    const s = await state()
    expect(s.handledSeq).toBe(s.requestSeq)
    expect(s.status).toBe('idle')
    expect(s.leaseOwner).toBeUndefined()
  })

  it('builds again when content changed during a build', async () => {
    const late = await draftArticle()
    let first = true
    const { worker, runs } = countingWorker({
      onBuild: async () => {
        if (!first) return
        first = false
        await publish(late.id) // an editor publishes while the site is building
      },
    })
    const early = await draftArticle()
    await publish(early.id)
    expect(await worker.runPending()).toBe(2)
    expect(runs.count).toBe(2)
    const s = await state()
    expect(s.handledSeq).toBe(s.requestSeq)
  })

  it('exactly one of many simultaneous claims wins the lease', async () => {
    const store = m.store.siteBuildStore(payload)
    // A second connection to the same file stands in for another process.
    const { createClient } = await import('@libsql/client')
    const { SqliteSiteBuildStore } = await import('../../cms/publishing/buildState/sqlite.ts')
    const otherConnection = createClient({ url: `file:${path.join(ctx.dir, 'test.db')}` })
    const otherStore = new SqliteSiteBuildStore(otherConnection)
    await store.request(new Date(Date.now() - 10_000))
    const now = new Date()
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? otherStore : store).claim({ owner: `racer/${i}`, now, quietMs: 0, leaseMs: 60_000 }),
      ),
    )
    otherConnection.close()
    const winners = claims.filter(Boolean)
    expect(winners).toHaveLength(1)
    await store.finish(winners[0] as NonNullable<(typeof winners)[0]>, {
      ok: true,
      finishedAt: new Date(),
      durationMs: 1,
    })
  })

  it('does not build while another process holds the lease, and takes over once that lease expires', async () => {
    const store = m.store.siteBuildStore(payload)
    const { worker, runs } = countingWorker({ quietMs: 0 })
    await settle(worker)
    runs.count = 0

    const article = await draftArticle()
    await publish(article.id)
    const other = await store.claim({ owner: 'other-host/4242', now: new Date(), quietMs: 0, leaseMs: 60_000 })
    expect(other).not.toBeNull()
    await publish((await draftArticle()).id) // more changes while the other process builds

    expect(await worker.runPending()).toBe(0)
    expect(runs.count).toBe(0)
    expect((await state()).leaseOwner).toBe('other-host/4242')

    // The other process dies: its lease runs out, and this worker builds what is pending.
    await client().execute({
      sql: 'UPDATE site_build SET lease_expires_at = :past',
      args: { past: new Date(Date.now() - 1).toISOString() },
    })
    expect(await worker.runPending()).toBe(1)
    const s = await state()
    expect(s.handledSeq).toBe(s.requestSeq)
    expect(s.leaseOwner).toBeUndefined()
    // Should the other process come back, it can no longer record anything.
    expect(
      await store.finish(other as NonNullable<typeof other>, { ok: true, finishedAt: new Date(), durationMs: 1 }),
    ).toBe(false)
  })

  it('asks for a rebuild when a session changed outside the hooks (cancelled by staff in SQL), not for bookings', async () => {
    const { createSession } = await import('../helpers/booking.ts')
    const session = await createSession(payload, { capacity: 10 })
    const { worker } = countingWorker({ quietMs: 0 })
    await settle(worker)
    const check = async () => m.rebuild.sessionsChangedSinceBuild(payload, await state())
    expect(await check()).toBe(false)

    // Bookings move the seat counts only: nothing the static site shows.
    await client().execute({
      sql: 'UPDATE course_sessions SET confirmed_count = 3 WHERE id = :id',
      args: { id: session.id },
    })
    expect(await check()).toBe(false)
    // The booking store cancels a session in SQL, stamping updated_at: the site must drop it.
    await client().execute({
      sql: "UPDATE course_sessions SET status = 'cancelled', updated_at = :now WHERE id = :id",
      args: { id: session.id, now: new Date().toISOString() },
    })
    expect(await check()).toBe(true)
  })

  it('stopping the server stops its build and gives the lease back, leaving the requests pending', async () => {
    let aborted = false
    let startBuild: () => void = () => undefined
    const buildStarted = new Promise<void>((resolve) => {
      startBuild = resolve
    })
    const worker = new m.worker.SiteBuildWorker({
      store: m.store.siteBuildStore(payload),
      quietMs: 0,
      log: () => undefined,
      build: (signal) => {
        startBuild()
        return new Promise((_, reject) =>
          signal.addEventListener('abort', () => {
            aborted = true
            reject(signal.reason)
          }),
        )
      },
    })
    workers.push(worker)
    await publish((await draftArticle()).id)
    const running = worker.runPending()
    await buildStarted
    expect((await state()).status).toBe('building')
    await worker.stop()
    expect(await running).toBe(0)
    expect(aborted).toBe(true)
    const s = await state()
    expect(s.leaseOwner).toBeUndefined()
    expect(s.status).not.toBe('building')
    expect(s.requestSeq).toBeGreaterThan(s.handledSeq)
  })

  it('keeps the last good site and shows the error when a build fails; notifies the deploy webhook on success', async () => {
    const received: unknown[] = []
    const hook = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c) => {
        body += c
      })
      req.on('end', () => {
        received.push(JSON.parse(body))
        res.end('ok')
      })
    })
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r))
    const webhookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/deploy`
    let render: (dir: string) => Promise<void> = async (dir) => {
      fs.mkdirSync(dir, { recursive: true })
      fs.writeFileSync(path.join(dir, 'index.html'), '<h1>第一版</h1>')
    }
    const worker = new m.worker.SiteBuildWorker({
      store: m.store.siteBuildStore(payload),
      quietMs: 0,
      webhookUrl,
      log: () => undefined,
      build: () => m.buildSite.buildSite({ render: (dir) => render(dir) }),
    })
    workers.push(worker)
    try {
      await publish((await draftArticle()).id)
      expect(await worker.runPending()).toBe(1)
      const good = m.buildDirs.currentSiteDir()
      expect(good && fs.readFileSync(path.join(good, 'index.html'), 'utf8')).toBe('<h1>第一版</h1>')
      const built = await state()
      expect(built.status).toBe('idle')
      await worker.idle() // the webhook is sent after the build is recorded
      expect(received).toEqual([{ event: 'site.built', builtAt: built.lastBuiltAt, durationMs: built.durationMs }])

      render = async (dir) => {
        fs.mkdirSync(dir, { recursive: true })
        fs.writeFileSync(path.join(dir, 'index.html'), '<h1>半成品</h1>')
        throw new Error(
          'astro build exited with code 1:\n[InvalidContentEntryDataError] articles → 42 data does not match',
        )
      }
      await publish((await draftArticle()).id)
      expect(await worker.runPending()).toBe(1)
      const failed = await state()
      expect(failed.status).toBe('failed')
      expect(failed.lastError).toContain('InvalidContentEntryDataError')
      expect(failed.lastBuiltAt).toBe(built.lastBuiltAt)
      expect(m.buildDirs.currentSiteDir()).toBe(good)
      expect(fs.readFileSync(path.join(good as string, 'index.html'), 'utf8')).toBe('<h1>第一版</h1>')
      expect(fs.readdirSync(m.buildDirs.siteBuildsDir)).toEqual([path.basename(good as string)])
      await worker.idle()
      expect(received).toHaveLength(1) // no deploy for a failed build

      // What the admin shows (网站状态, 最近错误), read as staff.
      const shown = await payload.findGlobal({
        slug: 'site-build',
        overrideAccess: false,
        user: { id: 1, collection: 'users', roles: ['editor'] } as never,
      })
      expect(shown.status).toBe('failed')
      expect(shown.lastError).toContain('InvalidContentEntryDataError')
    } finally {
      hook.close()
    }
  })
})

describe('publish → live with the real site build', () => {
  // As in the server process: builds read content over REST from the running server (here the server
  // tests/helpers/apiServer.ts runs, in this process).
  let contentUrl: string
  let apiRequests = 0
  beforeAll(async () => {
    const { apiOnlyServer } = await import('../helpers/apiOnlyServer.ts')
    const api = apiOnlyServer(payload.config, { trustProxy: false }).on('request', () => void apiRequests++)
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r))
    contentUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`
    return () => void api.close()
  })

  const pageOf = (slug: unknown, collection = 'articles', dir = m.buildDirs.currentSiteDir()) => {
    const file = dir && path.join(dir, collection, String(slug), 'index.html')
    return file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined
  }
  const logs: string[] = []
  const realWorker = () => {
    const worker = m.rebuild.siteRebuildWorker(payload, {
      contentUrl: () => contentUrl,
      quietMs: 200,
      log: (msg) => {
        logs.push(msg)
        console.log(`[publish test] ${msg}`)
      },
    })
    workers.push(worker)
    return worker
  }

  it('publishing puts the article on the served site; unpublishing takes it off', async () => {
    const worker = realWorker()
    const title = `上线测试文章${Date.now()}`
    const article = await draftArticle(title)
    const page = () => pageOf(article.slug)
    expect(page()).toBeUndefined()

    const published = performance.now()
    await publish(article.id)
    expect(await worker.runPending()).toBe(1)
    const latency = performance.now() - published
    expect(worker.reports.at(-1)).toMatchObject({ ok: true })
    expect(page()).toContain(title)
    expect(apiRequests).toBeGreaterThan(0)
    console.log(`[publish test] publish → live ${(latency / 1000).toFixed(1)} s`)

    await unpublish(article.id)
    expect(await worker.runPending()).toBe(1)
    expect(worker.reports.at(-1)).toMatchObject({ ok: true })
    expect(page()).toBeUndefined()
    const list = fs.readFileSync(path.join(m.buildDirs.currentSiteDir() as string, 'articles', 'index.html'), 'utf8')
    expect(list).not.toContain(title)
    expect((await state()).status).toBe('idle')
  }, 240_000)

  it('a published change is patched in before the full build, page for page as the full build prints it', async () => {
    const { patchSite } = await import('../../cms/publishing/patchSite.ts')
    const { readPageManifest } = await import('../../cms/publishing/pageManifest.ts')
    const patch = async () => patchSite({ now: await readPageManifest(payload), contentUrl })
    const worker = realWorker()
    // A full build to start from (the previous test leaves one, but this test must not depend on it).
    await m.store.siteBuildStore(payload).request(new Date())
    await worker.runPending()
    expect(await patch()).toBeUndefined() // nothing changed since that build

    // With a topic and an article sharing it, so the page has related articles too.
    const topic = await payload.create({ collection: 'topics', data: { name: `家风${Date.now()}` } })
    const neighbour = await draftArticle()
    await payload.update({ collection: 'articles', id: neighbour.id, data: { topics: [topic.id] } })
    await publish(neighbour.id)
    await m.store.siteBuildStore(payload).request(new Date())
    await worker.runPending()
    const title = `先行上线测试${Date.now()}`
    const article = await draftArticle(title)
    await payload.update({ collection: 'articles', id: article.id, data: { topics: [topic.id] } })
    await publish(article.id)
    const family = await payload.create({
      collection: 'families',
      data: {
        familyName: `先行上线家庭${Date.now()}`,
        street: '南园街道',
        honours: [{ title: '最美家庭', level: 'district', year: 2025 }],
        story: lexical('一家人每周六一起做饭。'),
        consent: { given: true },
        _status: 'published',
      },
    })
    const before = m.buildDirs.currentSiteDir() as string
    const patched = await patch()
    expect(patched).toMatchObject({ rendered: 2, removed: 0 })
    const patchedFamily = pageOf(family.slug, 'families') as string
    expect(patchedFamily).toContain('一家人每周六一起做饭。')
    const site = m.buildDirs.currentSiteDir() as string
    expect(site).not.toBe(before)
    const patchedPage = pageOf(article.slug) as string
    expect(patchedPage).toContain(title)
    expect(patchedPage).toContain(`<link rel="canonical" href="http://localhost:3000/articles/${article.slug}/"`)
    expect(patchedPage).toContain(`/articles/${neighbour.slug}/`) // related
    expect(fs.existsSync(path.join(site, 'articles', String(article.slug), 'index.html.br'))).toBe(true)
    // The rest of the site is the full build's, linked to rather than copied.
    const list = path.join('articles', 'index.html')
    expect(fs.lstatSync(path.join(site, list)).isSymbolicLink()).toBe(true)
    expect(fs.realpathSync(path.join(site, list))).toBe(path.join(before, list))
    expect(fs.readFileSync(path.join(site, list), 'utf8')).not.toContain(title)

    // The full build prints the very same page, and lists it too.
    await m.store.siteBuildStore(payload).request(new Date())
    await worker.runPending()
    expect(m.buildDirs.currentSiteDir()).not.toBe(site)
    expect(pageOf(article.slug)).toBe(patchedPage)
    expect(pageOf(family.slug, 'families')).toBe(patchedFamily)
    expect(fs.readFileSync(path.join(m.buildDirs.currentSiteDir() as string, list), 'utf8')).toContain(title)

    // A new slug moves the page; unpublishing takes it off.
    const renamed = await payload.update({
      collection: 'articles',
      id: article.id,
      data: { slug: `xianxing-${Date.now()}` },
      depth: 0,
    })
    expect(await patch()).toMatchObject({ rendered: 1, removed: 1 })
    expect(pageOf(article.slug)).toBeUndefined()
    expect(pageOf(renamed.slug)).toContain(title)
    await unpublish(article.id)
    expect(await patch()).toMatchObject({ rendered: 0, removed: 1 })
    expect(pageOf(renamed.slug)).toBeUndefined()
    // Two patches over one full build: pruning the older builds kept the full build the patches link into.
    expect(fs.readFileSync(path.join(m.buildDirs.currentSiteDir() as string, list), 'utf8')).toContain(title)

    // Through the worker: the page is live before the full build ends.
    logs.length = 0
    await publish(article.id)
    const builds = worker.reports.length
    let liveDuringBuild = false
    const watch = setInterval(() => {
      if (pageOf(renamed.slug) && worker.reports.length === builds) liveDuringBuild = true
    }, 20)
    await worker.runPending()
    clearInterval(watch)
    expect(logs.some((l) => l.startsWith('页面已先行更新（上线 1 个'))).toBe(true)
    expect(liveDuringBuild).toBe(true)
    expect(pageOf(renamed.slug)).toContain(title)
  }, 300_000)
})
