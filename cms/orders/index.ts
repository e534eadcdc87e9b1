import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { MongoOrderStore } from './mongodb/index.ts'
import { sqliteOrderStore } from './sqlite/index.ts'
import type { OrderStore } from './store.ts'

const stores = new WeakMap<Payload, OrderStore>()

/** The order store for the database Payload is connected to (one per Payload instance). */
export function orderStore(payload: Payload): OrderStore {
  let store = stores.get(payload)
  if (!store) {
    store =
      payload.db.name === 'sqlite'
        ? sqliteOrderStore((payload.db as unknown as SQLiteAdapter).clientConfig.url.replace(/^file:/, ''))
        : new MongoOrderStore(payload)
    stores.set(payload, store)
  }
  return store
}
