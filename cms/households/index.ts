import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { MongoVerificationStore } from './mongodb/index.ts'
import { sqliteVerificationStore } from './sqlite/index.ts'
import type { VerificationStore } from './store.ts'

const stores = new WeakMap<Payload, VerificationStore>()

/** The verification-code store for the database Payload is connected to (one per Payload instance). */
export function verificationStore(payload: Payload): VerificationStore {
  let store = stores.get(payload)
  if (!store) {
    store =
      payload.db.name === 'sqlite'
        ? sqliteVerificationStore((payload.db as unknown as SQLiteAdapter).clientConfig.url.replace(/^file:/, ''))
        : new MongoVerificationStore(payload)
    stores.set(payload, store)
  }
  return store
}
