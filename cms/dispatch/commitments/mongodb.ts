import type { Model } from 'mongoose'
import type { Payload } from 'payload'
import { type Doc, objectId } from '../../booking/mongodb/connection.ts'
import { type CommitmentStore, type HoldInput, type HoldResult, SLOT_MINUTES } from './store.ts'

const SLOT_MS = SLOT_MINUTES * 60 * 1000

/** One key per 5 minutes the commitment holds; two commitments of a lecturer overlap exactly when they share one. */
export function slotKeys(lecturer: unknown, startsAt: Date, endsAt: Date): string[] {
  const keys: string[] = []
  const first = Math.floor(startsAt.getTime() / SLOT_MS)
  const last = Math.ceil(endsAt.getTime() / SLOT_MS)
  for (let slot = first; slot < last; slot++) keys.push(`${String(lecturer)}:${slot}`)
  return keys
}

const isDuplicateKey = (error: unknown) => (error as { code?: number })?.code === 11000

/**
 * Lecturer commitments on MongoDB. Overlap: an active commitment carries its lecturer's 5-minute slot keys under
 * a unique (partial, active-only) index, so the server refuses the second of two overlapping inserts whichever
 * process sends it. Monthly cap: the insert is counted afterwards; a holder that finds the month over its cap
 * releases its own commitment, so two racing holders may both give up but never both stay over the cap.
 */
export class MongoCommitmentStore implements CommitmentStore {
  constructor(private readonly payload: Payload) {}

  private get model(): Model<Doc> {
    const model = (this.payload.db as unknown as { collections: Record<string, Model<Doc>> }).collections[
      'lecturer-commitments'
    ]
    if (!model) throw new Error('no MongoDB model for collection lecturer-commitments')
    return model
  }

  async install() {
    await this.model.collection.createIndex(
      { slotKeys: 1 },
      { unique: true, partialFilterExpression: { status: 'active' }, name: 'dispatch_one_lecturer_per_slot' },
    )
    await this.model.collection.createIndex({ lecturer: 1, status: 1, startsAt: 1 }, { name: 'dispatch_active' })
    const sessions = (this.payload.db as unknown as { collections: Record<string, Model<Doc>> }).collections[
      'course-sessions'
    ]
    await sessions?.collection.createIndex(
      { order: 1 },
      {
        unique: true,
        partialFilterExpression: { order: { $type: 'objectId' } },
        name: 'dispatch_one_session_per_order',
      },
    )
  }

  async hold(h: HoldInput): Promise<HoldResult> {
    const lecturer = objectId(h.lecturer)
    let id: unknown
    try {
      const [doc] = await this.model.create([
        {
          lecturer,
          startsAt: h.startsAt,
          endsAt: h.endsAt,
          kind: h.kind,
          status: 'active',
          order: h.order ? objectId(h.order) : undefined,
          session: h.session ? objectId(h.session) : undefined,
          slotKeys: slotKeys(lecturer, h.startsAt, h.endsAt),
          createdAt: h.now,
          updatedAt: h.now,
        },
      ])
      id = doc?._id
    } catch (error) {
      if (isDuplicateKey(error)) return { ok: false, reason: 'overlap' }
      throw error
    }
    if (h.cap != null) {
      const load = await this.model.countDocuments({
        lecturer,
        status: 'active',
        startsAt: { $gte: h.monthStart, $lt: h.monthEnd },
      })
      if (load > h.cap) {
        await this.release(String(id), 'monthly_cap', h.now)
        return { ok: false, reason: 'monthly_cap' }
      }
    }
    return { ok: true, id: String(id) }
  }

  async release(id: number | string, reason: string, now: Date) {
    await this.model.updateOne(
      { _id: objectId(id), status: 'active' },
      { $set: { status: 'released', releasedReason: reason, slotKeys: [], updatedAt: now } },
    )
  }

  async toSession(id: number | string, session: number | string, now: Date) {
    await this.model.updateOne(
      { _id: objectId(id) },
      { $set: { kind: 'session', session: objectId(session), updatedAt: now } },
    )
  }
}
