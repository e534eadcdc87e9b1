import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { MongoCommitmentStore } from './mongodb.ts'
import { sqliteCommitmentStore } from './sqlite.ts'
import type { CommitmentStore } from './store.ts'

const stores = new WeakMap<Payload, CommitmentStore>()

/** The lecturer commitments store for the database Payload is connected to (one per Payload instance). */
export function commitmentStore(payload: Payload): CommitmentStore {
  let store = stores.get(payload)
  if (!store) {
    store =
      payload.db.name === 'sqlite'
        ? sqliteCommitmentStore((payload.db as unknown as SQLiteAdapter).clientConfig.url.replace(/^file:/, ''))
        : new MongoCommitmentStore(payload)
    stores.set(payload, store)
  }
  return store
}
