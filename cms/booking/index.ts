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
        ? // Its own connection: it waits for other processes' writes without blocking the event loop.
          new SqliteBookingStore((payload.db as unknown as SQLiteAdapter).clientConfig.url.replace(/^file:/, ''))
        : new MongoBookingStore(payload)
    stores.set(payload, store)
  }
  return store
}
