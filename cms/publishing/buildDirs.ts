/** Where site builds live and how one is laid out: the served link, the swap and the pruning of old builds. */
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { dataDir, rootDir } from '../paths.ts'
import { fullBuildOf } from './stamp.ts'

export const siteBuildsDir = path.join(dataDir, 'site-builds')
/** A symlink to the build being served; replaced atomically, so readers never see a half-built site. */
export const currentSiteLink = path.join(dataDir, 'site')
/**
 * Astro's content store (entries and their digests) between builds: a rebuild re-renders only entries whose
 * document changed. Kept beside the database it mirrors, so two data directories never share one.
 */
export const siteCacheDir = path.join(dataDir, 'site-cache')
const KEEP_BUILDS = 2

// The Astro build (astro.config.mjs: Node adapter) writes the static site to client/ and the on-demand pages
// (draft preview, render routes) to server/entry.mjs. `data/site` points at the static site.
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
export function linkNodeModules() {
  if (!path.relative(rootDir, dataDir).startsWith('..')) return
  fs.mkdirSync(dataDir, { recursive: true })
  try {
    fs.symlinkSync(path.join(rootDir, 'node_modules'), path.join(dataDir, 'node_modules'), 'dir')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
}

export const currentSiteDir = (): string | undefined => {
  try {
    return fs.realpathSync(currentSiteLink)
  } catch {
    return undefined
  }
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
