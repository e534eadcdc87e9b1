import type { Payload } from 'payload'
import { storePerPayload } from '../../lib/storePerPayload.ts'
import { MongoCommitmentStore } from './mongodb.ts'
import { sqliteCommitmentStore } from './sqlite.ts'
import type { CommitmentStore } from './store.ts'

/** The lecturer commitments store for the database Payload is connected to (one per Payload instance). */
export const commitmentStore: (payload: Payload) => CommitmentStore = storePerPayload<CommitmentStore>({
  sqlite: sqliteCommitmentStore,
  mongodb: (payload) => new MongoCommitmentStore(payload),
})
