import { createClient } from '@libsql/client'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { MongoBookingStore } from './mongodb/store.ts'
import { SqliteBookingStore } from './sqlite/store.ts'
import type { BookingStore } from './store.ts'

const stores = new WeakMap<Payload, BookingStore>()

/** The booking store for the database Payload is connected to (one per Payload instance). */
export function bookingStore(payload: Payload): BookingStore {
  let store = stores.get(payload)
  if (!store) {
    store =
      payload.db.name === 'sqlite'
        ? // Its own connection: it retries busy writes without blocking the event loop (see SqliteBookingStore).
          new SqliteBookingStore(createClient((payload.db as unknown as SQLiteAdapter).clientConfig))
        : new MongoBookingStore(payload)
    stores.set(payload, store)
  }
  return store
}
