import type { Payload } from 'payload'
import { verificationStore } from './index.ts'

const BATCH = 200
const DAY = 24 * 60 * 60 * 1000

/**
 * Deletes households inactive since before `cutoff` (no verification, no child added) with their children, and
 * verification codes dead for a day. Returns the households deleted. Called by the retention job
 * (cms/jobs/purgePersonalData.ts) with the site's retention period.
 */
export async function purgeInactiveHouseholds(payload: Payload, cutoff: Date, now = new Date()): Promise<number> {
  await verificationStore(payload).forget(new Date(now.getTime() - DAY))
  let deleted = 0
  for (;;) {
    const { docs } = await payload.find({
      collection: 'households',
      where: { lastActiveAt: { less_than: cutoff.toISOString() } },
      limit: BATCH,
      depth: 0,
      overrideAccess: true,
    })
    if (!docs.length) return deleted
    const ids = docs.map((d) => d.id)
    await payload.delete({ collection: 'children', where: { household: { in: ids } }, overrideAccess: true })
    const result = await payload.delete({ collection: 'households', where: { id: { in: ids } }, overrideAccess: true })
    deleted += result.docs.length
    if (result.docs.length < ids.length) return deleted
  }
}
