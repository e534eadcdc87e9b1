import type { Payload } from 'payload'
import { storePerPayload } from '../lib/storePerPayload.ts'
import { mongoStores } from './mongodb/index.ts'
import { sqliteStores } from './sqlite/index.ts'
import type { BookingStores } from './store.ts'

/** The booking stores for the database Payload is connected to (one set per Payload instance). */
export const bookingStore: (payload: Payload) => BookingStores = storePerPayload<BookingStores>({
  sqlite: sqliteStores,
  mongodb: mongoStores,
})
