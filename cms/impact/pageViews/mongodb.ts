import type { Model } from 'mongoose'
import type { Payload } from 'payload'
import type { PageViewStore } from './store.ts'

type Doc = { path: string; day: string; views: number }

/** MongoDB: `$inc` with upsert on the (path, day) unique index of page-views; totals by aggregation. */
export class MongoPageViewStore implements PageViewStore {
  constructor(private readonly payload: Payload) {}

  private get model(): Model<Doc> {
    const model = (this.payload.db as unknown as { collections: Record<string, Model<Doc>> }).collections['page-views']
    if (!model) throw new Error('no MongoDB model for collection page-views')
    return model
  }

  async count(path: string, day: string) {
    await this.model.updateOne({ path, day }, { $inc: { views: 1 } }, { upsert: true })
  }

  async top(prefix: string, fromDay: string, toDay: string, limit: number) {
    const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const rows = await this.model.aggregate<{ _id: string; views: number }>([
      { $match: { day: { $gte: fromDay, $lt: toDay }, path: { $regex: `^${escaped}` } } },
      { $group: { _id: '$path', views: { $sum: '$views' } } },
      { $sort: { views: -1, _id: 1 } },
      { $limit: limit },
    ])
    return rows.map((r) => ({ path: r._id, views: r.views }))
  }
}
