import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { hashSources, importClosure } from '../lib/fingerprint.ts'
import { cmsDir, rootDir } from '../paths.ts'

const stampFile = path.join(cmsDir, '.next', 'fujia-sources')
const bin = (name: string) => path.join(rootDir, 'node_modules/.bin', name)

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: rootDir, env: { ...process.env, ...env }, stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} exited with ${code}`)),
    )
  })
}

const filesUnder = (dir: string) =>
  fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f))

/**
 * The local files the admin bundle is built from: what the config, the Next app and the admin's components (named
 * by the import map) import. The server and the publish pipeline are not among them unless the config needs them.
 */
export const adminSourceFiles = (): string[] =>
  importClosure([
    path.join(cmsDir, 'payload.config.ts'),
    path.join(cmsDir, 'next.config.ts'),
    ...filesUnder(path.join(cmsDir, 'app')),
    ...filesUnder(path.join(cmsDir, 'components')),
  ])
const adminSources = () => hashSources([...adminSourceFiles(), path.join(rootDir, 'package-lock.json')])

export const isAdminBuildCurrent = (): boolean => {
  try {
    return fs.readFileSync(stampFile, 'utf8') === adminSources()
  } catch {
    return false
  }
}

const lockDir = path.join(cmsDir, '.next-build.lock')
const LOCK_STALE_MS = 15 * 60 * 1000

/** One admin build at a time per checkout: a second `npm start` waits for the first one's build instead of racing it. */
async function withBuildLock(build: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      fs.mkdirSync(lockDir)
      break
    } catch {
      const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > LOCK_STALE_MS) fs.rmSync(lockDir, { recursive: true, force: true })
      else await new Promise((r) => setTimeout(r, 1000))
    }
  }
  try {
    if (!isAdminBuildCurrent()) await build()
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true })
  }
}

/** Regenerates the admin's import map (without it rich-text fields silently vanish) and builds the Next app. */
export function buildAdmin(): Promise<void> {
  return withBuildLock(async () => {
    const config = { PAYLOAD_CONFIG_PATH: path.join(cmsDir, 'payload.config.ts') }
    await run(bin('payload'), ['generate:importmap'], config)
    await run(bin('next'), ['build', cmsDir], { ...config, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' })
    fs.writeFileSync(stampFile, adminSources())
  })
}
