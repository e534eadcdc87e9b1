import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { mongoStores } from './mongodb/index.ts'
import { sqliteStores } from './sqlite/index.ts'
import type { BookingStores } from './store.ts'

const stores = new WeakMap<Payload, BookingStores>()

/** The booking stores for the database Payload is connected to (one set per Payload instance). */
export function bookingStore(payload: Payload): BookingStores {
  let set = stores.get(payload)
  if (!set) {
    set =
      payload.db.name === 'sqlite'
        ? // Its own connection: it waits for other processes' writes without blocking the event loop.
          sqliteStores((payload.db as unknown as SQLiteAdapter).clientConfig.url.replace(/^file:/, ''))
        : mongoStores(payload)
    stores.set(payload, set)
  }
  return set
}
