import type { Payload, TaskConfig } from 'payload'
import { bookingStore } from '../booking/index.ts'
import { holidayStore } from '../holiday/index.ts'
import { purgeInactiveHouseholds } from '../households/retention.ts'
import { keepHouseholdKeys } from '../impact/households.ts'

const DAY = 24 * 60 * 60 * 1000

/**
 * Anonymises bookings of sessions that ended more than the retention period ago (counts and statistics stay),
 * drops rate-limit counters older than a day (their longest window is a day) and deletes households (with their
 * children) inactive for the retention period. Returns the bookings anonymised.
 */
export async function purgePersonalData(payload: Payload, now = new Date()): Promise<number> {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  const { rateLimits, retention } = bookingStore(payload)
  await rateLimits.forget(new Date(now.getTime() - DAY))
  // The figures count distinct households by a keyed hash of the phone: kept before the number goes.
  await keepHouseholdKeys(payload, new Date(now.getTime() - settings.retentionDays * DAY))
  await holidayStore(payload).anonymise(new Date(now.getTime() - settings.retentionDays * DAY), now)
  await purgeInactiveHouseholds(payload, new Date(now.getTime() - settings.retentionDays * DAY), now)
  return retention.anonymise(new Date(now.getTime() - settings.retentionDays * DAY), now)
}

export const purgePersonalDataTask: TaskConfig<{ input: object; output: { anonymised: number } }> = {
  slug: 'purgePersonalData',
  label: 'Remove expired personal data from bookings',
  schedule: [{ cron: '0 30 3 * * *', queue: 'default' }],
  retries: 2,
  handler: async ({ req }) => ({ output: { anonymised: await purgePersonalData(req.payload) } }),
}
