import { type ClientSession, type Connection, type Model, Types } from 'mongoose'
import type { Payload } from 'payload'
import type { Within } from '../store.ts'

export type Doc = Record<string, unknown> & { _id: unknown }

/** What Payload's mongoose adapter exposes beyond the generic database adapter. */
type MongooseAdapter = {
  collections: Record<string, Model<Doc>>
  connection: Connection
  /** The driver sessions of Payload's open transactions, by transaction id. */
  sessions: Record<string | number, ClientSession | undefined>
}

/** A document id as stored: ObjectIds are 24 hex digits; anything else names no document. */
export const objectId = (id: unknown): Types.ObjectId | null =>
  id instanceof Types.ObjectId ? id : /^[0-9a-f]{24}$/i.test(String(id)) ? new Types.ObjectId(String(id)) : null

/**
 * The MongoDB stores' access to Payload's mongoose models (which cast ids and dates as Payload stores them) and to
 * multi-document transactions on Payload's connection. Needs a replica set (or mongos), as transactions do.
 */
export class MongoConnection {
  constructor(private readonly payload: Payload) {}

  private get adapter() {
    return this.payload.db as unknown as MongooseAdapter
  }

  private model(slug: string): Model<Doc> {
    const model = this.adapter.collections[slug]
    if (!model) throw new Error(`no MongoDB model for collection ${slug}`)
    return model
  }
  get bookings() {
    return this.model('bookings')
  }
  get sessions() {
    return this.model('course-sessions')
  }
  get courses() {
    return this.model('courses')
  }
  get notifications() {
    return this.model('notifications')
  }
  get rateLimits() {
    return this.model('rate-limits')
  }

  /**
   * Runs `work` in one multi-document transaction. Within a Payload request's transaction (a hook of a save), the
   * work joins it: a transaction of its own would wait on the documents the unfinished save holds, while the save
   * waits for the hook. Otherwise the driver retries the whole work on a transient conflict, so `work` must only
   * write through `session` and must await each operation in turn (the driver runs no parallel operations in a
   * transaction).
   */
  async transaction<T>(work: (session: ClientSession) => Promise<T>, within?: Within): Promise<T> {
    const transactionID = await within?.transactionID
    const joined = transactionID ? this.adapter.sessions[transactionID] : undefined
    if (joined?.inTransaction()) return work(joined)
    const session = await this.adapter.connection.startSession()
    try {
      return await session.withTransaction(() => work(session))
    } finally {
      await session.endSession()
    }
  }

  async install() {
    await this.bookings.collection.createIndex(
      { session: 1, phone: 1 },
      {
        unique: true,
        partialFilterExpression: { status: { $in: ['confirmed', 'waitlisted'] } },
        name: 'fujia_one_active_per_phone',
      },
    )
    await this.bookings.collection.createIndex({ session: 1, status: 1, createdAt: 1 }, { name: 'fujia_queue' })
    await this.rateLimits.collection.createIndex({ key: 1, windowStart: 1 }, { unique: true })
  }
}
