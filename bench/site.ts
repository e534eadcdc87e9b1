/**
 * npm run bench -- site: builds the site from the sample data scaled to 200, 2,000 and 20,000 articles and
 * prints build time, peak memory and pages/s (ratios against the 200-article build of the same run), the
 * JavaScript each page type ships, and Lighthouse (mobile) scores for home, article and course pages.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import type { Payload } from 'payload'
import type { Article } from '../cms/payload-types.ts'
import { startApiServer } from '../tests/helpers/servers.ts'
import { fmt } from './stats.ts'

const SIZES = (process.env.BENCH_SITE_SIZES ?? '200,2000,20000').split(',').map(Number)
/** The size at which one article's publish → live latency is measured (DESIGN.md budget). */
const PUBLISH_AT = 2000

/** Resident memory of the running `astro build` processes, read from /proc (no process spawned per sample). */
function astroBuildRss(): number {
  let total = 0
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('astro\0build')) continue
      const rss = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)
      total += Number(rss?.[1] ?? 0) * 1024
    } catch {
      // the process ended between listing and reading
    }
  }
  return total
}

/** Peak resident memory of the running `astro build` processes, sampled every 200 ms. */
function watchPeakMemory() {
  let peak = 0
  const timer = setInterval(() => {
    peak = Math.max(peak, astroBuildRss())
  }, 200)
  return () => {
    clearInterval(timer)
    return peak
  }
}

const countPages = (dir: string): number =>
  (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).length

/** Modules loaded before the page is used: the page's own and, transitively, what they import statically. */
function upFrontModules(siteDir: string, entries: string[]): Set<string> {
  const seen = new Set<string>()
  const visit = (url: string) => {
    if (seen.has(url)) return
    seen.add(url)
    const code = fs.readFileSync(path.join(siteDir, url), 'utf8')
    // `import … from "./x.js"` and `import "./x.js"`, not `import("./x.js")` (loaded later, e.g. the QR code).
    for (const m of code.matchAll(/\b(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g))
      visit(path.posix.join(path.posix.dirname(url), m[1] as string))
  }
  for (const entry of entries) visit(entry)
  return seen
}

/** JavaScript a page loads: inline scripts (JSON-LD is data, not script) plus its up-front modules, gzipped. */
export function jsBytes(siteDir: string, page: string) {
  const html = fs.readFileSync(path.join(siteDir, page), 'utf8')
  const inline = [
    ...html.matchAll(/<script(?![^>]*\b(?:src=|type="application\/ld\+json"))[^>]*>([\s\S]*?)<\/script>/g),
  ].map((m) => m[1] ?? '')
  const entries = [...html.matchAll(/(?:src|component-url|renderer-url|href)="(\/_astro\/[^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  )
  const modules = upFrontModules(siteDir, entries)
  const gz = (data: string | Buffer) => zlib.gzipSync(data).length
  const inlineBytes = inline.reduce((sum, s) => sum + Buffer.byteLength(s), 0)
  const moduleGz = [...modules].reduce((sum, m) => sum + gz(fs.readFileSync(path.join(siteDir, m))), 0)
  return { inlineBytes, modules: modules.size, moduleGz }
}

function firstPage(siteDir: string, prefix: string, withText?: string): string | undefined {
  const dir = path.join(siteDir, prefix)
  if (!fs.existsSync(dir)) return undefined
  for (const entry of fs.readdirSync(dir)) {
    const file = path.join(prefix, entry, 'index.html')
    if (!fs.existsSync(path.join(siteDir, file)) || entry === 'filter' || /^\d+$/.test(entry)) continue
    if (!withText || fs.readFileSync(path.join(siteDir, file), 'utf8').includes(withText)) return file
  }
  return undefined
}

/**
 * As an editor meets it in production: a new article saved as published; its hook requests a build, and the
 * rebuild worker (1 s quiet period) reads content over REST from the running server, as `npm start`'s worker
 * does: it patches the article's page in first, then runs the full build. Timed until the page is live, until
 * the article list shows it (the full build is live), and until the full build's compressed copies are written.
 */
async function timePublishToLive(payload: Payload, dataDir: string) {
  const [{ siteRebuildWorker }, { currentSiteDir }] = await Promise.all([
    import('../cms/publishing/rebuild.ts'),
    import('../cms/publishing/buildDirs.ts'),
  ])
  const server = await startApiServer({
    DATA_DIR: dataDir,
    DATABASE_URI: process.env.DATABASE_URI as string,
    PAYLOAD_SECRET: payload.secret,
  })
  try {
    const { docs } = await payload.find({
      collection: 'articles',
      limit: 1,
      depth: 0,
      where: { _status: { equals: 'published' } },
    })
    const { id: _id, slug: _slug, createdAt: _c, updatedAt: _u, ...source } = docs[0] as Article
    const worker = siteRebuildWorker(payload, {
      log: (message) => console.log(`[bench] worker: ${message}`),
      contentUrl: () => server.url,
    })
    const title = `发布测试${Date.now()}`
    let slug: string | undefined
    let liveMs = 0
    let listedMs = 0
    const started = performance.now()
    const watch = setInterval(() => {
      const site = currentSiteDir()
      if (!site || !slug) return
      if (!liveMs && fs.existsSync(path.join(site, 'articles', slug, 'index.html')))
        liveMs = performance.now() - started
      if (!listedMs && fs.readFileSync(path.join(site, 'articles', 'index.html'), 'utf8').includes(title))
        listedMs = performance.now() - started
    }, 20)
    const article = await payload.create({ collection: 'articles', data: { ...source, title, _status: 'published' } })
    slug = String(article.slug)
    await worker.runPending()
    clearInterval(watch)
    const seconds = (ms: number) => (ms ? fmt(ms / 1000, 1) : 'never')
    return {
      'page live s': seconds(liveMs),
      'listed (full build live) s': seconds(listedMs),
      'compressed too s': seconds(performance.now() - started),
    }
  } finally {
    await server.stop()
  }
}

export async function benchSite() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fujia-bench-site-'))
  Object.assign(process.env, { DATA_DIR: dataDir, DATABASE_URI: `file:${path.join(dataDir, 'bench.db')}` })
  const [
    { openPayload },
    { runContentMigrations },
    { buildSite },
    { currentSiteDir },
    { buildInputs },
    { scaleArticles },
  ] = await Promise.all([
    import('../cms/server/openPayload.ts'),
    import('../content-migrations/runner.ts'),
    import('../cms/publishing/buildSite.ts'),
    import('../cms/publishing/buildDirs.ts'),
    import('../cms/publishing/staleness.ts'),
    import('./scale.ts'),
  ])
  const payload = await openPayload()
  process.env.PAYLOAD_SECRET = payload.secret
  await runContentMigrations(payload, {})
  const rows: Record<string, Record<string, string>> = {}
  let baselinePagesPerSecond = 0
  let publishToLive: Awaited<ReturnType<typeof timePublishToLive>> | undefined
  try {
    for (const size of SIZES) {
      await scaleArticles(payload, size)
      // Stamped as the rebuild worker stamps its builds: the publish below patches against this one.
      const inputs = await buildInputs(payload)
      const stopWatching = watchPeakMemory()
      const { dir, ms, compressedMs } = await buildSite({ stamp: inputs })
      const peak = stopWatching()
      const pages = countPages(dir)
      const perSecond = (pages / ms) * 1000
      baselinePagesPerSecond ||= perSecond
      rows[`${size} articles`] = {
        pages: String(pages),
        'live s': fmt(ms / 1000, 1),
        'compressed s': fmt(compressedMs / 1000, 1),
        'peak MB': fmt(peak / 1024 / 1024),
        'pages/s': fmt(perSecond),
        'pages/s vs 200': `${fmt(perSecond / baselinePagesPerSecond, 2)}×`,
      }
      console.log(`[bench] built ${size} articles: ${pages} pages live in ${fmt(ms / 1000, 1)} s`)
      if (size === PUBLISH_AT) publishToLive = await timePublishToLive(payload, dataDir)
    }
    if (publishToLive) {
      console.log(`\nPublish → live, one new article at ${PUBLISH_AT} articles (budget ≤ 5 s)`)
      console.table(publishToLive)
    }
    console.log(
      '\nSite build: live = built and swapped in; compressed = .br/.gz written after that (budget: 2,000 articles ≤ 20 s; 20,000 ≤ 120 s and ≤ 2 GB)',
    )
    console.table(rows)

    const site = currentSiteDir() as string
    const pages = {
      home: 'index.html',
      'articles list': 'articles/index.html',
      article: firstPage(site, 'articles'),
      family: firstPage(site, 'families'),
      lecturer: firstPage(site, 'lecturers'),
      catalogue: 'courses/index.html',
      'course (booking island)': firstPage(site, 'courses', 'astro-island'),
    }
    const js: Record<string, Record<string, string>> = {}
    for (const [type, page] of Object.entries(pages)) {
      if (!page) continue
      const { inlineBytes, modules, moduleGz } = jsBytes(site, page)
      js[type] = {
        page,
        'inline script B': String(inlineBytes),
        modules: String(modules),
        'modules KB gz': fmt(moduleGz / 1024, 1),
      }
    }
    console.log('\nJavaScript per page type (budget: content pages 0; course page ≤ 40 KB gz)')
    console.table(js)

    const { lighthouseScores } = await import('./lighthouse.ts')
    const scores = await lighthouseScores(
      site,
      [pages.home, pages.article, pages['course (booking island)']].filter(Boolean) as string[],
    )
    console.log('\nLighthouse, mobile, default throttling (budget: performance ≥ 98, accessibility 100, LCP ≤ 1.5 s)')
    console.table(scores)
  } finally {
    await payload.destroy()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
