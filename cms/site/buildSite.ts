import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { dataDir, rootDir } from '../paths.ts'
import { precompress } from './compress.ts'

export const siteBuildsDir = path.join(dataDir, 'site-builds')
/** A symlink to the build being served; replaced atomically, so readers never see a half-built site. */
export const currentSiteLink = path.join(dataDir, 'site')
const KEEP_BUILDS = 2

export const currentSiteDir = (): string | undefined => {
  try {
    return fs.realpathSync(currentSiteLink)
  } catch {
    return undefined
  }
}

function runAstroBuild(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(rootDir, 'node_modules/.bin/astro'), ['build', '--silent'], {
      cwd: rootDir,
      env: { ...process.env, FUJIA_SITE_OUT: outDir, NODE_ENV: 'production', FUJIA_RUN_JOBS: '0' },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`astro build exited with code ${code}`))))
  })
}

/** Builds the static site into a fresh directory, pre-compresses it and swaps it in; a failed build changes nothing. */
export async function buildSite(): Promise<{ dir: string; ms: number }> {
  const started = Date.now()
  const dir = path.join(siteBuildsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`)
  fs.mkdirSync(siteBuildsDir, { recursive: true })
  try {
    await runAstroBuild(dir)
    await precompress(dir)
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true })
    throw error
  }
  const tmpLink = `${currentSiteLink}.${process.pid}.tmp`
  fs.rmSync(tmpLink, { force: true })
  fs.symlinkSync(dir, tmpLink)
  fs.renameSync(tmpLink, currentSiteLink)
  pruneOldBuilds(dir)
  return { dir, ms: Date.now() - started }
}

function pruneOldBuilds(current: string) {
  const builds = fs
    .readdirSync(siteBuildsDir)
    .map((name) => path.join(siteBuildsDir, name))
    .filter((p) => p !== current)
    .sort()
  for (const old of builds.slice(0, Math.max(0, builds.length - (KEEP_BUILDS - 1)))) {
    fs.rmSync(old, { recursive: true, force: true })
  }
}
