import { fork } from 'node:child_process'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PAGE_PATH_HEADER } from '../../common/renderRoute.ts'
import { forEachLimited } from '../lib/forEachLimited.ts'
import { rootDir } from '../paths.ts'
import {
  buildDirOf,
  currentSiteDir,
  newBuildDir,
  pruneOldBuilds,
  serverEntryOf,
  staticDirOf,
  swapIn,
} from './buildDirs.ts'
import { writeCompressed } from './compress.ts'
import { type PageChange, type PageManifest, pageChanges, pagePathOf } from './pageManifest.ts'
import { fullBuildOf, readStamp, STAMP_FILE, stampSite } from './stamp.ts'

/** More changed pages than this (an import, a bulk edit) wait for the full build, which is then about as fast. */
export const MAX_PATCHED_PAGES = 20
/** Never equal to a real build's content inputs: a patched site is not current (`npm start` builds it anew). */
const PATCHED = '+patched'
const renderServer = fileURLToPath(new URL('./renderServer.mjs', import.meta.url))

type RenderedPage = { path: string; html: string }
/** `ms`: from the start until the patched site is live. */
export type SitePatch = { dir: string; rendered: number; removed: number; ms: number }

const keyOf = (c: Pick<PageChange, 'collection' | 'id'>) => `${c.collection}:${c.id}`

/**
 * Publish → live without waiting for a full build, which re-reads and re-renders the whole site: when only a few article or family pages changed, this puts those pages live first:
 * 1. compares the pages the last full build shows (its stamp) with the published documents now (`now`);
 * 2. renders each changed page with that build's own code (its server entry, pages/render), from the published
 *    document read over REST at `contentUrl`, so it prints as the full build would;
 * 3. lays a new build over the full build: real directories down to the changed pages, which are written anew
 *    (with their compressed copies) or left out (unpublished, renamed), and symbolic links into the full build
 *    for everything else; and swaps it in.
 * Every patch starts from the full build (not from an earlier patch), so patches never chain. Lists, topic pages,
 * the feed, the sitemap and the search index still show the previous content: the full build that follows brings
 * them up to date. Returns undefined when there is nothing to patch, or too much.
 */
export async function patchSite(opts: {
  now: PageManifest
  contentUrl: string
  signal?: AbortSignal
}): Promise<SitePatch | undefined> {
  const started = Date.now()
  const current = currentSiteDir()
  const full = current && fullBuildOf(current)
  const stamp = full ? readStamp(full) : undefined
  if (!full || !stamp?.pages) return undefined
  const changes = pageChanges(stamp.pages, opts.now)
  if (changes.length === 0 || changes.length > MAX_PATCHED_PAGES) return undefined
  const entry = serverEntryOf(full)
  if (!fs.existsSync(entry)) return undefined

  const toRender = changes.filter((c) => c.render)
  const expectedPath = (c: PageChange) => pagePathOf(c.collection, opts.now[c.collection][c.id]?.slug ?? '')
  const dir = newBuildDir()
  let patch: SitePatch
  try {
    const pageDirs = [...changes.flatMap((c) => (c.from ? [c.from] : [])), ...toRender.map(expectedPath)]
    // Rendering waits on a child process and the API, laying out the new build on the disk: both at once.
    const [rendered] = await Promise.all([
      renderPages(entry, `${opts.contentUrl.replace(/\/+$/, '')}/api`, toRender, opts.signal),
      layOver(buildDirOf(full), dir, pageDirs),
    ])
    opts.signal?.throwIfAborted()
    const site = staticDirOf(dir)
    const pages = structuredClone(opts.now)
    for (const change of toRender) {
      const page = rendered.get(keyOf(change))
      // Published when listed, gone by the time it was rendered: the next comparison takes it from here.
      if (!page) delete pages[change.collection][change.id]
      else if (page.path !== expectedPath(change)) throw new Error(`${page.path}: renamed while being patched`)
      else await writePage(site, page)
    }
    stampSite(site, { sources: stamp.sources, content: `${stamp.content}${PATCHED}`, pages, base: full })
    opts.signal?.throwIfAborted()
    swapIn(dir)
    patch = {
      dir: site,
      rendered: rendered.size,
      removed: changes.filter((c) => c.from && c.from !== rendered.get(keyOf(c))?.path).length,
      ms: Date.now() - started,
    }
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true })
    throw error
  }
  await pruneOldBuilds(dir)
  return patch
}

async function writePage(site: string, page: RenderedPage) {
  const file = path.join(site, page.path, 'index.html')
  const data = Buffer.from(page.html)
  await fsp.mkdir(path.dirname(file), { recursive: true })
  await fsp.writeFile(file, data)
  await writeCompressed(file, data)
}

/**
 * Makes build directory `to` show build `from` without the page directories `pageDirs` (site paths such as
 * /articles/slug/): real directories on the way to them, and a symbolic link into `from` for every other entry.
 * A few thousand links rather than a copy of every file (2,000 articles: ~15,000 files with compressed copies).
 */
async function layOver(from: string, to: string, pageDirs: string[]) {
  const site = path.relative(from, staticDirOf(from))
  const skipped = new Set(pageDirs.map((p) => path.join(site, p.replace(/^\/|\/$/g, ''))))
  const open = new Set<string>()
  for (const p of skipped) for (let d = path.dirname(p); d !== '.'; d = path.dirname(d)) open.add(d)
  const links: string[] = []
  const walk = async (rel: string) => {
    await fsp.mkdir(path.join(to, rel), { recursive: true })
    for (const name of await fsp.readdir(path.join(from, rel))) {
      const child = path.join(rel, name)
      if (skipped.has(child) || child === path.join(site, STAMP_FILE)) continue
      if (open.has(child)) await walk(child)
      else links.push(child)
    }
  }
  await walk('.')
  await forEachLimited(links, 64, (rel) => fsp.symlink(path.join(from, rel), path.join(to, rel)))
}

/**
 * Astro sends an on-demand page's Content Security Policy as a header, where a prerendered page carries it as the
 * <meta> that opens its head content (before the inlined styles). A patched page is served as a static file, so
 * the policy goes back where the full build puts it, and the page stays byte for byte what the full build prints.
 */
export function withCspMeta(html: string, headers: Headers): string {
  const policy = headers.get('content-security-policy')
  if (!policy) return html
  const meta = `<meta http-equiv="content-security-policy" content="${policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">`
  const head = html.indexOf('</head>')
  const style = html.indexOf('<style')
  const at = style !== -1 && style < head ? style : head
  return at === -1 ? html : html.slice(0, at) + meta + html.slice(at)
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
        // Its path is checked against the published slug before anything is written (patchSite).
        const pagePath = response.headers.get(PAGE_PATH_HEADER)
        if (!response.ok || !pagePath)
          throw new Error(`rendering ${change.collection} ${change.id}: HTTP ${response.status}`)
        pages.set(keyOf(change), { path: pagePath, html: withCspMeta(await response.text(), response.headers) })
      }),
    )
    return pages
  } finally {
    child.kill()
  }
}
