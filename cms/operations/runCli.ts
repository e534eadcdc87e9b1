import { spawn } from 'node:child_process'
import path from 'node:path'
import { rootDir } from '../paths.ts'

/**
 * Runs a command of cms/operations/cli.ts in its own process. The server runs its nightly backup this way, so the
 * database copy and its integrity check never hold up its event loop (and with it, bookings); start-up migrates a
 * database copy this way, with a Payload of its own on that copy.
 */
export function runOperationsCli(args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(rootDir, 'cms/operations/cli.ts'), ...args], {
      cwd: rootDir,
      env: { ...process.env, FUJIA_RUN_JOBS: '0', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`cms/operations/cli.ts ${args[0]} exited with code ${code}`)),
    )
  })
}
