import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { MongoSiteBuildStore } from './mongodb.ts'
import { SqliteSiteBuildStore } from './sqlite.ts'
import type { SiteBuildStore } from './types.ts'

export type { SiteBuildClaim, SiteBuildOutcome, SiteBuildState, SiteBuildStore } from './types.ts'

const stores = new WeakMap<Payload, SiteBuildStore>()

/** The site-build bookkeeping for the database Payload is connected to (one per Payload instance). */
export function siteBuildStore(payload: Payload): SiteBuildStore {
  let store = stores.get(payload)
  if (!store) {
    store =
      payload.db.name === 'sqlite'
        ? new SqliteSiteBuildStore((payload.db as unknown as SQLiteAdapter).client)
        : new MongoSiteBuildStore(payload)
    stores.set(payload, store)
  }
  return store
}
