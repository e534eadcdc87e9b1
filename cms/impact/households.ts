import type { Payload } from 'payload'
import { householdKey } from './load.ts'

const CHUNK = 500

/**
 * Before the retention job anonymises bookings of sessions that ended before `endedBefore`, keeps each one's
 * household key, so the figures that count distinct households do not change. Idempotent.
 */
export async function keepHouseholdKeys(payload: Payload, endedBefore: Date): Promise<number> {
  const sessions = await payload.find({
    collection: 'course-sessions',
    where: { endsAt: { less_than: endedBefore.toISOString() } },
    select: {},
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const ids = sessions.docs.map((s) => s.id)
  let kept = 0
  for (let i = 0; i < ids.length; i += CHUNK) {
    const bookings = await payload.find({
      collection: 'bookings',
      where: { and: [{ session: { in: ids.slice(i, i + CHUNK) } }, { anonymisedAt: { exists: false } }] },
      select: { phone: true },
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    if (!bookings.docs.length) continue
    const existing = await payload.find({
      collection: 'booking-households',
      where: { booking: { in: bookings.docs.map((b) => b.id) } },
      select: { booking: true },
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    const have = new Set(existing.docs.map((d) => String(typeof d.booking === 'object' ? d.booking.id : d.booking)))
    for (const b of bookings.docs) {
      if (have.has(String(b.id)) || !b.phone) continue
      await payload.create({
        collection: 'booking-households',
        data: { booking: b.id, household: householdKey(payload.secret, b.phone) },
        overrideAccess: true,
      })
      kept++
    }
  }
  return kept
}
