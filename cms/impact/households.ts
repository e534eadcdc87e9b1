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
    const have = new Set(
      existing.docs.map((d) => String(typeof d.booking === 'object' && d.booking ? d.booking.id : d.booking)),
    )
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
  return kept + (payload.collections['holiday-registrations' as never] ? await keepRegistrationHouseholds(payload) : 0)
}

/**
 * Keeps the household of every holiday registration that still names one (holiday retention clears it, and deleting
 * an inactive household clears it too). Runs before either; each registration is kept once.
 */
async function keepRegistrationHouseholds(payload: Payload): Promise<number> {
  const have = new Set(
    (
      await payload.find({
        collection: 'booking-households',
        where: { registration: { exists: true } },
        select: { registration: true },
        depth: 0,
        pagination: false,
        overrideAccess: true,
      })
    ).docs.map((d) =>
      String(typeof d.registration === 'object' && d.registration ? d.registration.id : d.registration),
    ),
  )
  const registrations = await payload.find({
    collection: 'holiday-registrations',
    where: { household: { exists: true } },
    select: { household: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  let kept = 0
  for (const r of registrations.docs) {
    const household = typeof r.household === 'object' && r.household ? r.household.id : r.household
    if (household == null || have.has(String(r.id))) continue
    await payload.create({
      collection: 'booking-households',
      data: { registration: r.id, household: String(household) },
      overrideAccess: true,
    })
    kept++
  }
  return kept
}
