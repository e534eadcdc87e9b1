import type { Payload } from 'payload'
import type { BookingStores } from '../store.ts'
import { MongoConnection } from './connection.ts'
import { MongoOutboxStore } from './outbox.ts'
import { MongoRateLimitStore } from './rateLimits.ts'
import { MongoRetentionStore } from './retention.ts'
import { MongoSeatStore } from './seats.ts'

/** The MongoDB stores, on Payload's own connection (a replica set: they use multi-document transactions). */
export function mongoStores(payload: Payload): BookingStores {
  const db = new MongoConnection(payload)
  return {
    install: () => db.install(),
    seats: new MongoSeatStore(payload, db),
    rateLimits: new MongoRateLimitStore(db),
    outbox: new MongoOutboxStore(db),
    retention: new MongoRetentionStore(db),
  }
}
