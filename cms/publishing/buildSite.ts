import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { rootDir } from '../paths.ts'
import { logger } from '../server/log.ts'
import {
  currentSiteDir,
  linkNodeModules,
  newBuildDir,
  pruneOldBuilds,
  siteCacheDir,
  staticDirOf,
  swapIn,
} from './buildDirs.ts'
import { precompress } from './compress.ts'
import { pageShapingSettings } from './staleness.ts'
import { fullBuildOf, type SiteStamp, stampSite } from './stamp.ts'

/** How much of the build's error output a failed build reports (the admin shows it as 最近错误). */
const ERROR_TAIL = 3000

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
        ...pageShapingSettings(),
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
  contentUrl && !process.env.SITE_CONTENT_SOURCE ? { SITE_CONTENT_SOURCE: 'rest', SITE_CONTENT_URL: contentUrl } : {}

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
  linkNodeModules()
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
    logger.warn({ err: error }, 'compressing the site failed; it is served uncompressed'),
  )
  return { dir: staticDirOf(dir), ms, compressedMs: Date.now() - started }
}
