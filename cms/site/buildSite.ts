import { spawn } from 'node:child_process'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { dataDir, rootDir } from '../paths.ts'
import { precompress } from './compress.ts'
import { fullBuildOf, type SiteStamp, stampSite } from './stamp.ts'

export const siteBuildsDir = path.join(dataDir, 'site-builds')
/** A symlink to the build being served; replaced atomically, so readers never see a half-built site. */
export const currentSiteLink = path.join(dataDir, 'site')
/**
 * Astro's content store (entries and their digests) between builds: a rebuild re-renders only entries whose
 * document changed. Kept beside the database it mirrors, so two data directories never share one.
 */
export const siteCacheDir = path.join(dataDir, 'site-cache')
const KEEP_BUILDS = 2
/** How much of the build's error output a failed build reports (the admin shows it as 最近错误). */
const ERROR_TAIL = 3000

// ---- draft preview: the Astro build (astro.config.mjs: Node adapter) writes the static site to client/ and the
// preview page's handler to server/entry.mjs. `data/site` points at the static site; cms/server.ts mounts the entry.
/** The static site inside a build directory (the directory itself when it has no client/, e.g. a stand-in build). */
export const staticDirOf = (buildDir: string): string => {
  const client = path.join(buildDir, 'client')
  return fs.existsSync(client) ? client : buildDir
}
/** The build directory holding the static site `siteDir` (its parent when the site is in client/). */
export const buildDirOf = (siteDir: string): string =>
  path.basename(siteDir) === 'client' ? path.dirname(siteDir) : siteDir
/** The on-demand server entry of the build whose static site is `siteDir` (e.g. `currentSiteDir()`). */
export const serverEntryOf = (siteDir: string): string => path.join(siteDir, '..', 'server', 'entry.mjs')
/**
 * The build's server code (prerendering, then the preview at run time) imports packages from node_modules, which
 * Node looks up from the importing file upwards: a data directory outside the repository gets a link to them.
 */
function linkNodeModules() {
  if (!path.relative(rootDir, dataDir).startsWith('..')) return
  fs.mkdirSync(dataDir, { recursive: true })
  try {
    fs.symlinkSync(path.join(rootDir, 'node_modules'), path.join(dataDir, 'node_modules'), 'dir')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
}
// ---- end draft preview

export const currentSiteDir = (): string | undefined => {
  try {
    return fs.realpathSync(currentSiteLink)
  } catch {
    return undefined
  }
}

function runAstroBuild(outDir: string, extraEnv: Record<string, string> = {}, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(rootDir, 'node_modules/.bin/astro'), ['build', '--silent'], {
      cwd: rootDir,
      env: {
        ...process.env,
        FUJIA_SITE_OUT: outDir,
        FUJIA_SITE_CACHE: process.env.FUJIA_SITE_CACHE || siteCacheDir,
        NODE_ENV: 'production',
        FUJIA_RUN_JOBS: '0',
        ...extraEnv,
      },
      stdio: ['ignore', 'inherit', 'pipe'],
      // Stopping the server stops its build rather than leaving it running on its own.
      signal,
      killSignal: 'SIGTERM',
    })
    // The error output still reaches the log; its tail also goes into the error, for the admin to show.
    let errors = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk)
      errors = (errors + chunk.toString('utf8')).slice(-ERROR_TAIL)
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) return resolve()
      if (signal?.aborted) return reject(signal.reason)
      const output = stripVTControlCharacters(errors).trim()
      reject(new Error(`astro build exited with code ${code}${output ? `:\n${output}` : ''}`))
    })
  })
}

/**
 * Where the build reads content. By default the build opens Payload itself (Local API, database access only);
 * given `contentUrl` (the running server) it reads the same anonymous, published view over REST, which spares
 * it Payload's start-up (several seconds of a rebuild). An operator's own SITE_CONTENT_SOURCE always wins.
 */
const contentEnv = (contentUrl: string | undefined): Record<string, string> =>
  contentUrl && !process.env.SITE_CONTENT_SOURCE ? { SITE_CONTENT_SOURCE: 'rest', CMS_URL: contentUrl } : {}

/**
 * Builds the static site into a fresh directory and swaps it in; a failed build changes nothing. The new site is
 * live as soon as it is swapped in; its compressed copies are written after that (served once complete, see
 * serveSite.ts), so compressing a large site does not hold back publishing. `ms` is the time until live,
 * `compressedMs` until compressed. `render` replaces the Astro build (tests exercise the swap with a stand-in).
 */
export async function buildSite(
  opts: {
    render?: (outDir: string) => Promise<void>
    contentUrl?: string
    signal?: AbortSignal
    /** What the build was made from (stamp.ts), written into it before it is swapped in. */
    stamp?: Omit<SiteStamp, 'builtAt'>
  } = {},
): Promise<{ dir: string; ms: number; compressedMs: number }> {
  const started = Date.now()
  const dir = newBuildDir()
  linkNodeModules() // draft preview
  // A patched site links most of its files into a full build: that one has them all, compressed.
  const current = currentSiteDir()
  const previous = current && fullBuildOf(current)
  try {
    await (opts.render ?? ((out) => runAstroBuild(out, contentEnv(opts.contentUrl), opts.signal)))(dir)
    opts.signal?.throwIfAborted()
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true })
    throw error
  }
  if (opts.stamp) stampSite(staticDirOf(dir), opts.stamp)
  swapIn(dir)
  const ms = Date.now() - started
  await pruneOldBuilds(dir)
  // The new site is live already: a failure here leaves it served uncompressed, which is not a failed build.
  await precompress(staticDirOf(dir), previous).catch((error) =>
    console.error('[fujia] compressing the site failed; it is served uncompressed:', error),
  )
  return { dir: staticDirOf(dir), ms, compressedMs: Date.now() - started }
}

/** A fresh directory for a build (names sort by time: the oldest are pruned first). */
export function newBuildDir(): string {
  fs.mkdirSync(siteBuildsDir, { recursive: true })
  return path.join(siteBuildsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`)
}

/**
 * Serves build `dir` from now on: the `data/site` link is replaced in one rename, so every request sees either
 * the old site or the new one. Then call pruneOldBuilds().
 */
export function swapIn(dir: string): void {
  const tmpLink = `${currentSiteLink}.${process.pid}.tmp`
  fs.rmSync(tmpLink, { force: true })
  fs.symlinkSync(staticDirOf(dir), tmpLink)
  fs.renameSync(tmpLink, currentSiteLink)
}

/**
 * Removes all builds but the newest KEEP_BUILDS (the previous one stays until the next swap: the next build
 * reuses its compressed copies, and requests that started on it finish) and the full builds those link into.
 */
export async function pruneOldBuilds(current: string): Promise<void> {
  const others = fs
    .readdirSync(siteBuildsDir)
    .map((name) => path.join(siteBuildsDir, name))
    .filter((p) => p !== current)
    .sort()
  const kept = [current, ...others.slice(Math.max(0, others.length - (KEEP_BUILDS - 1)))]
  const keep = new Set([...kept, ...kept.map((dir) => buildDirOf(fullBuildOf(staticDirOf(dir))))])
  // Asynchronous: removing a large build takes a while, and the server answers requests meanwhile.
  await Promise.all(others.filter((old) => !keep.has(old)).map((old) => fsp.rm(old, { recursive: true, force: true })))
}
