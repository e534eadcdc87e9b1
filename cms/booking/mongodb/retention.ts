import { ANONYMISED_NAME, ANONYMISED_PHONE_PREFIX, type RetentionStore } from '../stores/retention.ts'
import type { MongoConnection } from './connection.ts'

/** Idempotent steps: a run cut short leaves nothing that the next run does not finish. */
export class MongoRetentionStore implements RetentionStore {
  constructor(private readonly db: MongoConnection) {}

  async anonymise(endedBefore: Date, now: Date) {
    const ended = await this.db.sessions.distinct('_id', { endsAt: { $lt: endedBefore } })
    const { modifiedCount } = await this.db.bookings.updateMany(
      { session: { $in: ended }, anonymisedAt: null },
      [
        {
          $set: {
            parentName: ANONYMISED_NAME,
            phone: { $concat: [ANONYMISED_PHONE_PREFIX, { $toString: '$_id' }] },
            email: null,
            community: null,
            anonymisedAt: now,
            updatedAt: now,
          },
        },
      ],
      { timestamps: false },
    )
    const anonymised = await this.db.bookings.distinct('_id', { anonymisedAt: { $ne: null } })
    await this.db.notifications.updateMany(
      { booking: { $in: anonymised }, message: { $ne: null } },
      { $set: { message: null } },
    )
    return modifiedCount
  }
}
