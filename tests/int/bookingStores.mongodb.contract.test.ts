/**
 * The booking store contract on MongoDB. No MongoDB server runs on the development machines, so this file is
 * skipped unless MONGODB_TEST_URI names one. It must be a replica set (the stores use multi-document transactions);
 * a single-node one is enough, e.g.
 *
 *   docker run -d -p 27017:27017 mongo:8 --replSet rs0 && docker exec <id> mongosh --eval 'rs.initiate()'
 *   MONGODB_TEST_URI='mongodb://127.0.0.1:27017/fujia-contract?directConnection=true' \
 *     npx vitest run --project int tests/int/bookingStores.mongodb.contract.test.ts
 *
 * Each run creates its own sessions and keys, so the database can be reused between runs.
 */
import { describe } from 'vitest'
import { bookingStoreContract } from '../helpers/bookingStoreContract.ts'
import { startTestPayload } from '../helpers/payload.ts'

const uri = process.env.MONGODB_TEST_URI

describe.skipIf(!uri)('booking stores on MongoDB', () => {
  bookingStoreContract('MongoDB', () => startTestPayload({ databaseUri: uri }))
})
