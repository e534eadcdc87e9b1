import { fork } from 'node:child_process'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PAGE_PATH_HEADER } from '../../site/lib/renderRoute.ts'
import { forEachLimited } from '../lib/forEachLimited.ts'
import { rootDir } from '../paths.ts'
import { buildDirOf, currentSiteDir, newBuildDir, serverEntryOf, staticDirOf, swapIn } from './buildSite.ts'
import { replaceFile, writeCompressed } from './compress.ts'
import { type PageChange, type PageManifest, pageChanges } from './pageManifest.ts'
import { readStamp, stampSite } from './staleness.ts'

/** More changed pages than this (an import, a bulk edit) wait for the full build, which is then about as fast. */
export const MAX_PATCHED_PAGES = 20
/** Never equal to a real build's content inputs: a patched site is not current (`npm start` builds it anew). */
const PATCHED = '+patched'
const renderServer = fileURLToPath(new URL('./renderServer.mjs', import.meta.url))
/** A page path as the render routes report it; nothing else is written into a build. */
const PAGE_PATH = /^\/(?:articles|families)\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/

type RenderedPage = { path: string; html: string }
export type SitePatch = { dir: string; rendered: number; removed: number; ms: number }

const keyOf = (c: Pick<PageChange, 'collection' | 'id'>) => `${c.collection}:${c.id}`

/**
 * Publish → live in seconds. A full build re-reads and re-renders the whole site (2,000 articles: ~15–20 s); when
 * only a few article or family pages changed, this puts those pages live first:
 * 1. compares the pages the served build shows (its stamp) with the published documents now (`now`);
 * 2. renders each changed page with the served build's own code (its server entry, pages/render), from the
 *    published document read over REST at `contentUrl`, so it prints as the full build would;
 * 3. copies the served build as hard links, writes the changed pages (and their compressed copies) into the copy,
 *    takes unpublished and renamed ones out of it, and swaps it in.
 * Lists, topic pages, the feed, the sitemap and the search index still show the previous content: the full build
 * that follows brings them up to date. Returns undefined when there is nothing to patch or too much.
 */
export async function patchSite(opts: {
  now: PageManifest
  contentUrl: string
  signal?: AbortSignal
}): Promise<SitePatch | undefined> {
  const started = Date.now()
  const current = currentSiteDir()
  const stamp = current ? readStamp(current) : undefined
  if (!current || !stamp?.pages) return undefined
  const changes = pageChanges(stamp.pages, opts.now)
  if (changes.length === 0 || changes.length > MAX_PATCHED_PAGES) return undefined
  const entry = serverEntryOf(current)
  if (!fs.existsSync(entry)) return undefined

  const rendered = await renderPages(
    entry,
    `${opts.contentUrl.replace(/\/+$/, '')}/api`,
    changes.filter((c) => c.render),
    opts.signal,
  )
  opts.signal?.throwIfAborted()
  const dir = newBuildDir()
  try {
    await linkTree(buildDirOf(current), dir)
    const site = staticDirOf(dir)
    const pages = structuredClone(opts.now)
    let removed = 0
    for (const change of changes) {
      const page = rendered.get(keyOf(change))
      if (change.from && change.from !== page?.path) {
        fs.rmSync(path.join(site, change.from), { recursive: true, force: true })
        removed++
      }
      if (page) await writePage(site, page)
      // Published when listed, gone by the time it was rendered: the next build's comparison takes it from here.
      else delete pages[change.collection][change.id]
    }
    stampSite(site, { sources: stamp.sources, content: `${stamp.content}${PATCHED}` }, pages)
    opts.signal?.throwIfAborted()
    swapIn(dir)
    return { dir: site, rendered: rendered.size, removed, ms: Date.now() - started }
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true })
    throw error
  }
}

async function writePage(site: string, page: RenderedPage) {
  const file = path.join(site, page.path, 'index.html')
  const data = Buffer.from(page.html)
  await fsp.mkdir(path.dirname(file), { recursive: true })
  await replaceFile(file, data)
  await writeCompressed(file, data)
}

/** Copies a build as hard links: instant, and no extra disk; files are only ever replaced, never written into. */
async function linkTree(from: string, to: string) {
  const entries = await fsp.readdir(from, { recursive: true, withFileTypes: true })
  await fsp.mkdir(to, { recursive: true })
  for (const dir of entries.filter((e) => e.isDirectory()))
    await fsp.mkdir(path.join(to, path.relative(from, path.join(dir.parentPath, dir.name))), { recursive: true })
  const files = entries.filter((e) => !e.isDirectory()).map((e) => path.relative(from, path.join(e.parentPath, e.name)))
  await forEachLimited(files, 64, (file) => fsp.link(path.join(from, file), path.join(to, file)))
}

/**
 * Renders the pages of `changes` through the build's server entry, served by a child process (renderServer.mjs).
 * A page whose document the public can no longer see is left out of the result.
 */
async function renderPages(
  entry: string,
  payloadApi: string,
  changes: PageChange[],
  signal?: AbortSignal,
): Promise<Map<string, RenderedPage>> {
  const pages = new Map<string, RenderedPage>()
  if (changes.length === 0) return pages
  const child = fork(renderServer, [entry, payloadApi], {
    cwd: rootDir,
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    signal,
  })
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message) => resolve((message as { port: number }).port))
      child.once('error', reject)
      child.once('exit', (code) => reject(new Error(`the render server exited with code ${code}`)))
    })
    await Promise.all(
      changes.map(async (change) => {
        const url = `http://127.0.0.1:${port}/render/${change.collection}/${encodeURIComponent(change.id)}/`
        const response = await fetch(url, { signal })
        // 410: not public (any more). Anything else but a page, a 404 included (a build without the render
        // routes), fails the patch rather than taking a page off.
        if (response.status === 410) return
        const pagePath = response.headers.get(PAGE_PATH_HEADER) ?? ''
        if (!response.ok || !PAGE_PATH.test(pagePath))
          throw new Error(`rendering ${change.collection} ${change.id}: HTTP ${response.status} ${pagePath}`)
        pages.set(keyOf(change), { path: pagePath, html: await response.text() })
      }),
    )
    return pages
  } finally {
    child.kill()
  }
}
