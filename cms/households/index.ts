import type { Payload } from 'payload'
import { storePerPayload } from '../lib/storePerPayload.ts'
import { MongoVerificationStore } from './mongodb/index.ts'
import { sqliteVerificationStore } from './sqlite/index.ts'
import type { VerificationStore } from './store.ts'

/** The verification-code store for the database Payload is connected to (one per Payload instance). */
export const verificationStore: (payload: Payload) => VerificationStore = storePerPayload<VerificationStore>({
  sqlite: sqliteVerificationStore,
  mongodb: (payload) => new MongoVerificationStore(payload),
})
