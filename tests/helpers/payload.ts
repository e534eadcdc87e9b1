import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

export type TestPayload = { payload: Payload; dir: string; close: () => Promise<void> }

/**
 * A real Payload on a fresh SQLite file (schema pushed, as in development). Settings are read from the
 * environment when the config is first imported, so this must run before anything imports it.
 */
export async function startTestPayload(opts: { databaseUri?: string } = {}): Promise<TestPayload> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fujia-test-'))
  process.env.DATA_DIR = dir // uploads land here, not in the developer's data/
  process.env.DATABASE_URI = opts.databaseUri ?? `file:${path.join(dir, 'test.db')}`
  process.env.PAYLOAD_SECRET ??= 'test-secret-test-secret-test-secret-000'
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('@payload-config')])
  const payload = await getPayload({ config })
  return {
    payload,
    dir,
    close: async () => {
      await payload.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
