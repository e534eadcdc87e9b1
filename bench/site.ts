/**
 * npm run bench -- site: builds the site from the sample data scaled to 200, 2,000 and 20,000 articles and
 * prints build time, peak memory and pages/s (ratios against the 200-article build of the same run), the
 * JavaScript each page type ships, and Lighthouse (mobile) scores for home, article and course pages.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { fmt } from './stats.ts'

const SIZES = (process.env.BENCH_SITE_SIZES ?? '200,2000,20000').split(',').map(Number)

/** Peak resident memory of the running `astro build` processes, sampled every 200 ms. */
function watchPeakMemory() {
  let peak = 0
  const timer = setInterval(() => {
    const pids = (() => {
      try {
        return execFileSync('pgrep', ['-f', 'astro build'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean)
      } catch {
        return []
      }
    })()
    let total = 0
    for (const pid of pids) {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)
      total += Number(status?.[1] ?? 0) * 1024
    }
    peak = Math.max(peak, total)
  }, 200)
  return () => {
    clearInterval(timer)
    return peak
  }
}

const countPages = (dir: string): number =>
  (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).length

/** JavaScript a page loads: inline scripts plus every /_astro module it references, gzipped. */
function jsBytes(siteDir: string, page: string) {
  const html = fs.readFileSync(path.join(siteDir, page), 'utf8')
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '')
  const modules = new Set(
    [...html.matchAll(/(?:src|component-url|renderer-url|href)="(\/_astro\/[^"]+\.js)"/g)].map((m) => m[1] as string),
  )
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

export async function benchSite() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fujia-bench-site-'))
  Object.assign(process.env, { DATA_DIR: dataDir, DATABASE_URI: `file:${path.join(dataDir, 'bench.db')}` })
  const [{ openPayload }, { runContentMigrations }, { buildSite, currentSiteDir }, { scaleArticles }] =
    await Promise.all([
      import('../cms/openPayload.ts'),
      import('../content-migrations/runner.ts'),
      import('../cms/site/buildSite.ts'),
      import('./scale.ts'),
    ])
  const payload = await openPayload()
  process.env.PAYLOAD_SECRET = payload.secret
  await runContentMigrations(payload, {})
  const rows: Record<string, Record<string, string>> = {}
  let baselinePagesPerSecond = 0
  try {
    for (const size of SIZES) {
      await scaleArticles(payload, size)
      const stopWatching = watchPeakMemory()
      const { dir, ms } = await buildSite()
      const peak = stopWatching()
      const pages = countPages(dir)
      const perSecond = (pages / ms) * 1000
      baselinePagesPerSecond ||= perSecond
      rows[`${size} articles`] = {
        pages: String(pages),
        'build s': fmt(ms / 1000, 1),
        'peak MB': fmt(peak / 1024 / 1024),
        'pages/s': fmt(perSecond),
        'pages/s vs 200': `${fmt(perSecond / baselinePagesPerSecond, 2)}×`,
      }
      console.log(`[bench] built ${size} articles: ${pages} pages in ${fmt(ms / 1000, 1)} s`)
    }
    console.log('\nSite build (budget: 2,000 articles ≤ 20 s; 20,000 ≤ 120 s and ≤ 2 GB)')
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
