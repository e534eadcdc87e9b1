import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { MongoHolidayStore } from './mongodb/index.ts'
import { sqliteHolidayStore } from './sqlite/index.ts'
import type { HolidayStore } from './stores/registrations.ts'

const stores = new WeakMap<Payload, HolidayStore>()

/** The holiday registration store for the database Payload is connected to (one per Payload instance). */
export function holidayStore(payload: Payload): HolidayStore {
  let store = stores.get(payload)
  if (!store) {
    store =
      payload.db.name === 'sqlite'
        ? // Its own connection: it waits for other processes' writes without blocking the event loop.
          sqliteHolidayStore((payload.db as unknown as SQLiteAdapter).clientConfig.url.replace(/^file:/, ''))
        : new MongoHolidayStore(payload)
    stores.set(payload, store)
  }
  return store
}
