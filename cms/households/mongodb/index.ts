import type { Model } from 'mongoose'
import type { Payload } from 'payload'
import { type Doc, MongoConnection } from '../../booking/mongodb/connection.ts'
import { countHits } from '../../booking/mongodb/rateLimits.ts'
import type { RateLimit } from '../../booking/stores/rateLimits.ts'
import { type Attempt, SendRefused, type VerificationStore } from '../store.ts'

/**
 * Codes in the `verification-codes` collection (unique on phoneKey, created by Payload from the collection's
 * `unique` field); send counts in the shared rate-limits collection, all windows in one transaction (a refusal
 * aborts it, so nothing is counted). Each try is one conditional findOneAndUpdate.
 */
export class MongoVerificationStore implements VerificationStore {
  private readonly db: MongoConnection
  constructor(private readonly payload: Payload) {
    this.db = new MongoConnection(payload)
  }

  private get codes(): Model<Doc> {
    const model = (this.payload.db as unknown as { collections: Record<string, Model<Doc>> }).collections[
      'verification-codes'
    ]
    if (!model) throw new Error('no MongoDB model for collection verification-codes')
    return model
  }

  async countSend(limits: RateLimit[], now: Date) {
    try {
      return await this.db.transaction(async (session) => {
        for (const limit of limits) if (!(await countHits(this.db, limit, now, session))) throw new SendRefused()
        return true
      })
    } catch (error) {
      if (error instanceof SendRefused) return false
      throw error
    }
  }

  async save(phoneKey: string, codeHash: string, expiresAt: Date) {
    await this.codes.updateOne(
      { phoneKey },
      { $set: { codeHash, expiresAt: expiresAt.toISOString(), attempts: 0 } },
      { upsert: true },
    )
  }

  async attempt(phoneKey: string, now: Date, maxAttempts: number): Promise<Attempt> {
    const live = await this.codes
      .findOneAndUpdate(
        { phoneKey, expiresAt: { $gt: now.toISOString() }, attempts: { $lt: maxAttempts } },
        { $inc: { attempts: 1 } },
        { new: true },
      )
      .lean()
    if (live) return { kind: 'live', codeHash: String(live.codeHash), attempts: Number(live.attempts) }
    const dead = await this.codes.findOne({ phoneKey }).lean()
    if (!dead) return { kind: 'none' }
    return { kind: Number(dead.attempts) >= maxAttempts ? 'exhausted' : 'expired' }
  }

  async consume(phoneKey: string, codeHash: string) {
    const { deletedCount } = await this.codes.deleteOne({ phoneKey, codeHash })
    return deletedCount === 1
  }

  async forget(before: Date) {
    const { deletedCount } = await this.codes.deleteMany({ expiresAt: { $lt: before.toISOString() } })
    return deletedCount
  }
}
