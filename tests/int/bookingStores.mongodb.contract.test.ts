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
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe } from 'vitest'
import { bookingStoreContract } from '../helpers/bookingStoreContract.ts'
import type { TestPayload } from '../helpers/payload.ts'

const uri = process.env.MONGODB_TEST_URI

async function startMongoPayload(): Promise<TestPayload> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fujia-mongo-test-'))
  process.env.DATA_DIR = dir
  process.env.DATABASE_URI = uri
  process.env.PAYLOAD_SECRET ??= 'test-secret-test-secret-test-secret-000'
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('@payload-config')])
  const payload = await getPayload({ config })
  return {
    payload,
    dir,
    close: async () => {
      await payload.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

describe.skipIf(!uri)('booking stores on MongoDB', () => {
  bookingStoreContract('MongoDB', startMongoPayload)
})
