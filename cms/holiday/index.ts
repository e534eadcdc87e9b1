import type { Payload } from 'payload'
import { storePerPayload } from '../lib/storePerPayload.ts'
import { MongoHolidayStore } from './mongodb/index.ts'
import { sqliteHolidayStore } from './sqlite/index.ts'
import type { HolidayStore } from './stores/registrations.ts'

/** The holiday registration store for the database Payload is connected to (one per Payload instance). */
export const holidayStore: (payload: Payload) => HolidayStore = storePerPayload<HolidayStore>({
  sqlite: sqliteHolidayStore,
  mongodb: (payload) => new MongoHolidayStore(payload),
})
