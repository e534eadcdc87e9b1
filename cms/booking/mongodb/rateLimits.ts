import type { ClientSession } from 'mongoose'
import { type RateLimit, type RateLimitStore, windowStartOf, withinLimits } from '../stores/rateLimits.ts'
import type { MongoConnection } from './connection.ts'

/** Counts one request against each key in the current window, inside the caller's transaction. */
export async function countHits(
  db: MongoConnection,
  { keys, windowSeconds }: RateLimit,
  now: Date,
  session: ClientSession,
): Promise<boolean> {
  const windowStart = windowStartOf(now, windowSeconds)
  const counts = new Map<string, number>()
  for (const { key } of keys) {
    const row = await db.rateLimits
      .findOneAndUpdate({ key, windowStart }, { $inc: { count: 1 } }, { upsert: true, new: true, session })
      .lean()
    counts.set(key, Number(row?.count ?? 0))
  }
  return withinLimits(keys, counts)
}

export class MongoRateLimitStore implements RateLimitStore {
  constructor(private readonly db: MongoConnection) {}

  hit(rateLimit: RateLimit, now: Date) {
    return this.db.transaction((session) => countHits(this.db, rateLimit, now, session))
  }

  async forget(before: Date) {
    const { deletedCount } = await this.db.rateLimits.deleteMany({ windowStart: { $lt: before.toISOString() } })
    return deletedCount
  }
}
