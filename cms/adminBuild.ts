import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { cmsDir, rootDir } from './paths.ts'
import { hashSources } from './site/fingerprint.ts'

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

/** Files the admin bundle never imports: changing them needs no admin rebuild. */
const serverOnly = new Set([
  'start.ts',
  'server.ts',
  'adminBuild.ts',
  'firstAdmin.ts',
  'openPayload.ts',
  'payload-types.ts',
])
const adminSources = () =>
  hashSources(
    [cmsDir, path.join(rootDir, 'package-lock.json')],
    (f) => !serverOnly.has(path.basename(f)) && !f.startsWith(path.join(cmsDir, 'site')),
  )

export const isAdminBuildCurrent = (): boolean => {
  try {
    return fs.readFileSync(stampFile, 'utf8') === adminSources()
  } catch {
    return false
  }
}

/** Regenerates the admin's import map (without it rich-text fields silently vanish) and builds the Next app. */
export async function buildAdmin(): Promise<void> {
  const config = { PAYLOAD_CONFIG_PATH: path.join(cmsDir, 'payload.config.ts') }
  await run(bin('payload'), ['generate:importmap'], config)
  await run(bin('next'), ['build', cmsDir], { ...config, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' })
  fs.writeFileSync(stampFile, adminSources())
}
