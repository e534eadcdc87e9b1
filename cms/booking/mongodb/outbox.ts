import { MAX_ATTEMPTS, type NotificationResult, type OutboxStore, retryBefore } from '../stores/outbox.ts'
import type { MongoConnection } from './connection.ts'

/** The outbox documents themselves are written by the seat store, in the transaction of the booking event. */
export class MongoOutboxStore implements OutboxStore {
  constructor(private readonly db: MongoConnection) {}

  /** One atomic findOneAndUpdate per message: a document another process claimed no longer matches. */
  async claim(limit: number, now: Date) {
    const ids: string[] = []
    while (ids.length < limit) {
      const claimed = await this.db.notifications
        .findOneAndUpdate(
          {
            $or: [
              { status: 'pending' },
              {
                status: { $in: ['failed', 'sending'] },
                attempts: { $lt: MAX_ATTEMPTS },
                updatedAt: { $lt: retryBefore(now) },
              },
            ],
          },
          { $set: { status: 'sending', updatedAt: now }, $inc: { attempts: 1 } },
          { sort: { _id: 1 }, new: true, timestamps: false },
        )
        .lean()
      if (!claimed) break
      ids.push(String(claimed._id))
    }
    return ids
  }

  async complete(results: NotificationResult[], now: Date) {
    for (const r of results) {
      await this.db.notifications.updateOne(
        { _id: r.id },
        {
          $set: {
            status: r.status,
            channel: r.channel ?? null,
            message: r.message ?? null,
            error: r.error ?? null,
            updatedAt: now,
            ...(r.status === 'sent' ? { sentAt: now } : {}),
          },
        },
        { timestamps: false },
      )
    }
  }
}
