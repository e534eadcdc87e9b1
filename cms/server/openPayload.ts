import { getPayload, type Migration, type Payload } from 'payload'
import { bookingStore } from '../booking/index.ts'
import { env } from '../env.ts'
import { migrations } from '../migrations/index.ts'

/** The cache key of the instance openPayload opens (npm start also serves the public booking API with it). */
export const SCRIPTS_PAYLOAD_KEY = 'fujia-scripts'

/**
 * Payload for scripts and start-up work: the SQLite schema is brought up to date from the committed migrations
 * first. Its own cache key keeps it apart from the instance the admin (Next) creates later in the same process.
 */
export async function openPayload(): Promise<Payload> {
  const { default: config } = await import('../payload.config.ts')
  const payload = await getPayload({ config, key: SCRIPTS_PAYLOAD_KEY })
  if (env().databaseKind === 'sqlite' && env().NODE_ENV !== 'test') {
    // The generated list is typed for the sqlite adapter; Payload's generic signature takes `unknown` arguments.
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
    await bookingStore(payload).install()
  }
  return payload
}
