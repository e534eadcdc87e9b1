import path from 'node:path'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'
import type { Env } from './env.ts'
import { migrations } from './migrations/index.ts'
import { cmsDir } from './paths.ts'

/**
 * The one place that knows which database is in use. SQLite (the default) applies the committed
 * migrations in production; MongoDB needs no schema migrations (indexes are built by the adapter).
 */
export function databaseAdapter(env: Env): DatabaseAdapterObj {
  if (env.databaseKind === 'mongodb') {
    return mongooseAdapter({ url: env.DATABASE_URI, transactionOptions: {} })
  }
  return sqliteAdapter({
    client: { url: `file:${env.sqlitePath}` },
    wal: true,
    busyTimeout: 5000,
    migrationDir: path.join(cmsDir, 'migrations'),
    prodMigrations: migrations,
  })
}
