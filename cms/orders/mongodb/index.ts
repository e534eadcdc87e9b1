import type { Model } from 'mongoose'
import type { Payload } from 'payload'
import { type Doc, MongoConnection, objectId } from '../../booking/mongodb/connection.ts'
import type { OrderStore, TransitionWrite } from '../store.ts'

/**
 * Order transitions on MongoDB: a conditional update of the order (state and version as read) and the event
 * insert in one multi-document transaction on Payload's connection (a replica set, as the booking stores need).
 * Admin saves cannot change the state: the collection's beforeChange hook leaves state and version out of them.
 */
export class MongoOrderStore implements OrderStore {
  private readonly db: MongoConnection
  constructor(private readonly payload: Payload) {
    this.db = new MongoConnection(payload)
  }

  private model(slug: 'course-orders' | 'order-events'): Model<Doc> {
    const model = (this.payload.db as unknown as { collections: Record<string, Model<Doc>> }).collections[slug]
    if (!model) throw new Error(`no MongoDB model for collection ${slug}`)
    return model
  }

  async install() {
    await this.model('order-events').collection.createIndex({ order: 1, at: 1 }, { name: 'fujia_order_timeline' })
  }

  transition(w: TransitionWrite) {
    const orders = this.model('course-orders')
    const events = this.model('order-events')
    const id = objectId(w.orderId)
    if (!id) return Promise.resolve(false)
    const version = w.version === 0 ? { $in: [0, null] } : w.version
    return this.db.transaction(async (session) => {
      const set: Record<string, unknown> = { state: w.to }
      if (w.set.refusalReason) set.refusalReason = w.set.refusalReason
      if (w.set.cancelReason) set.cancelReason = w.set.cancelReason
      if (w.set.cancelledBy) set.cancelledBy = w.set.cancelledBy
      const { modifiedCount } = await orders.updateOne(
        { _id: id, state: w.from, stateVersion: version },
        { $set: set, $inc: { stateVersion: 1 } },
        { session },
      )
      if (modifiedCount !== 1) return false
      if (w.set.firstRespondedAt) {
        await orders.updateOne(
          { _id: id, firstRespondedAt: null },
          { $set: { firstRespondedAt: w.set.firstRespondedAt } },
          { session },
        )
      }
      await events.create(
        [
          {
            order: id,
            at: w.at,
            fromState: w.from,
            toState: w.to,
            action: w.action,
            actorKind: w.actorKind,
            actor: w.actorUserId ? objectId(w.actorUserId) : undefined,
            actorName: w.actorName,
            reason: w.reason,
            createdAt: w.at,
            updatedAt: w.at,
          },
        ],
        { session },
      )
      return true
    })
  }

  async undo(w: TransitionWrite) {
    const id = objectId(w.orderId)
    if (!id) return
    await this.db.transaction(async (session) => {
      await this.model('order-events').deleteOne({ order: id, action: w.action, at: w.at }, { session })
      await this.model('course-orders').updateOne(
        { _id: id, state: w.to, stateVersion: w.version + 1 },
        { $set: { state: w.from, stateVersion: w.version } },
        { session },
      )
    })
  }
}
