import { getPayload, type Payload } from 'payload'
import { env } from './env.ts'
import { migrations } from './migrations/index.ts'

/** Payload for scripts and the server: the SQLite schema is brought up to date from the committed migrations first. */
export async function openPayload(): Promise<Payload> {
  const { default: config } = await import('./payload.config.ts')
  const payload = await getPayload({ config })
  if (env().databaseKind === 'sqlite' && env().NODE_ENV !== 'test') await payload.db.migrate({ migrations })
  return payload
}
