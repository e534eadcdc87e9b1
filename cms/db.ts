import path from 'node:path'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'
import type { Env } from './env.ts'
import { migrations } from './migrations/index.ts'
import { cmsDir } from './paths.ts'

/**
 * The one place that knows which database is in use. SQLite (the default) gets its schema from the committed
 * migrations (applied by openPayload and, under NODE_ENV=production, by Payload itself); only tests push the
 * schema directly. MongoDB needs no schema migrations (the adapter builds indexes).
 */
export function databaseAdapter(env: Env): DatabaseAdapterObj {
  if (env.databaseKind === 'mongodb') {
    return mongooseAdapter({ url: env.DATABASE_URI, transactionOptions: {} })
  }
  return sqliteAdapter({
    client: { url: `file:${env.sqlitePath}` },
    wal: true,
    busyTimeout: 5000,
    push: env.NODE_ENV === 'test',
    migrationDir: path.join(cmsDir, 'migrations'),
    prodMigrations: migrations,
  })
}
