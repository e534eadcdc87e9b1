import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { objectId } from '../booking/mongodb/connection.ts'
import type { DocId } from '../booking/schemas.ts'

export type Placement = {
  session: DocId
  wave: DocId
  household: DocId
  child: DocId
  code: string
  idempotencyKey: string
  now: Date
}

/**
 * A confirmed offer placed as a holiday registration in one atomic write, only while the session is scheduled
 * and has a free seat (the holiday store's register() would refuse: its wave is not open first come, first served
 * yet, and it may put a child on the waitlist). Same tables and constraints as cms/holiday/stores: on SQLite the
 * insert is conditional on the seat and the registration triggers count it, the one-per-child index refuses a
 * second; on MongoDB one transaction takes the seat by a conditional increment of the session's count and inserts
 * the registration. Returns the new registration's id, or null when no seat is left.
 */
export async function placeConfirmed(payload: Payload, p: Placement): Promise<DocId | null> {
  if (payload.db.name === 'sqlite') {
    const db = (payload.db as unknown as { drizzle: { all: (query: unknown) => Promise<Record<string, unknown>[]> } })
      .drizzle
    const now = p.now.toISOString()
    const rows = await db.all(sql`
      INSERT INTO holiday_registrations (session_id, wave_id, household_id, child_id, code, status, idempotency_key,
        created_at, updated_at)
      SELECT s.id, ${Number(p.wave)}, ${Number(p.household)}, ${Number(p.child)}, ${p.code}, 'confirmed',
        ${p.idempotencyKey}, ${now}, ${now}
      FROM holiday_sessions s
      WHERE s.id = ${Number(p.session)} AND s.status = 'scheduled' AND COALESCE(s.confirmed_count, 0) < s.capacity
      RETURNING id`)
    return rows[0] ? (Number(rows[0].id) as DocId) : null
  }
  const adapter = payload.db as unknown as MongooseAdapter
  const sessions = adapter.collections['holiday-sessions']
  const registrations = adapter.collections['holiday-registrations']
  if (!sessions || !registrations) throw new Error('holiday models missing')
  const session = await adapter.connection.startSession()
  try {
    return await session.withTransaction(async () => {
      const taken = await sessions.findOneAndUpdate(
        {
          _id: objectId(p.session),
          status: 'scheduled',
          $expr: { $lt: [{ $ifNull: ['$confirmedCount', 0] }, '$capacity'] },
        },
        { $inc: { confirmedCount: 1 } },
        { session },
      )
      if (!taken) return null
      const [created] = await registrations.create(
        [
          {
            session: objectId(p.session),
            wave: objectId(p.wave),
            household: objectId(p.household),
            child: objectId(p.child),
            code: p.code,
            status: 'confirmed',
            idempotencyKey: p.idempotencyKey,
            createdAt: p.now,
            updatedAt: p.now,
          },
        ],
        { session },
      )
      return String(created?._id) as DocId
    })
  } finally {
    await session.endSession()
  }
}
