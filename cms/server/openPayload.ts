import { getPayload, type Migration, type Payload } from 'payload'
import { bookingStore } from '../booking/index.ts'
import { commitmentStore } from '../dispatch/commitments/index.ts'
import { env } from '../env.ts'
import { holidayStore } from '../holiday/index.ts'
import { migrations } from '../migrations/index.ts'
import { configuredBackup, runBackup } from '../operations/backup.ts'
import { runOperationsCli } from '../operations/runCli.ts'
import { pendingMigrations, upgradeDatabase } from '../operations/upgrade.ts'
import { orderStore } from '../orders/index.ts'
import { logger } from './log.ts'

/** The cache key of the instance openPayload opens (npm start also serves the public booking API with it). */
export const SCRIPTS_PAYLOAD_KEY = 'fujia-scripts'

/** Applies the committed schema migrations that the database behind `payload` has not applied yet. */
export async function migrateSchema(payload: Payload): Promise<void> {
  // The generated list is typed for the sqlite adapter; Payload's generic signature takes `unknown` arguments.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
}

/**
 * An existing SQLite database with pending schema migrations (a new version starting) is backed up first and
 * migrated as a copy that replaces it only once every migration succeeded (cms/operations/upgrade.ts).
 */
async function upgradeExistingDatabase() {
  const settings = env()
  if (!settings.sqlitePath) return
  await upgradeDatabase({
    file: settings.sqlitePath,
    pending: pendingMigrations(
      settings.sqlitePath,
      migrations.map((m) => m.name),
    ),
    backup: () => runBackup(configuredBackup(settings)),
    migrateCopy: (copy) => runOperationsCli(['migrate-copy'], { DATABASE_URI: `file:${copy}` }),
    log: (message) => logger.info(message),
  })
}

/**
 * Payload for scripts and start-up work: the SQLite schema is brought up to date from the committed migrations
 * first. Its own cache key keeps it apart from the instance the admin (Next) creates later in the same process.
 */
export async function openPayload(): Promise<Payload> {
  const migrates = env().databaseKind === 'sqlite' && env().NODE_ENV !== 'test'
  if (migrates) await upgradeExistingDatabase()
  const { default: config } = await import('../payload.config.ts')
  const payload = await getPayload({ config, key: SCRIPTS_PAYLOAD_KEY })
  if (migrates) {
    await migrateSchema(payload)
    await bookingStore(payload).install()
    await orderStore(payload).install()
    await holidayStore(payload).install()
    await commitmentStore(payload).install()
  }
  return payload
}
