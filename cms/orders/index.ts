import type { Payload } from 'payload'
import { storePerPayload } from '../lib/storePerPayload.ts'
import { MongoOrderStore } from './mongodb/index.ts'
import { sqliteOrderStore } from './sqlite/index.ts'
import type { OrderStore } from './store.ts'

/** The order store for the database Payload is connected to (one per Payload instance). */
export const orderStore: (payload: Payload) => OrderStore = storePerPayload<OrderStore>({
  sqlite: sqliteOrderStore,
  mongodb: (payload) => new MongoOrderStore(payload),
})
