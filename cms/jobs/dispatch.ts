import type { TaskConfig } from 'payload'
import { afterSessionsEnded, releaseStaleCommitments } from '../dispatch/afterSessions.ts'
import { expireOffers } from '../dispatch/offers.ts'
import { createMissingSessions } from '../dispatch/sessions.ts'

/**
 * Every minute: offers past their expiry go back to 排期中 (the dispatcher is told), confirmed orders get their
 * session if creating it was interrupted, lecturer time no order needs is freed, and ended sessions invite their
 * checked-in parents to rate them.
 */
export const dispatchTask: TaskConfig<{ input: object; output: Record<string, number> }> = {
  slug: 'dispatch',
  label: 'Course order dispatch: offer expiry, sessions, rating invitations',
  schedule: [{ cron: '30 * * * * *', queue: 'default' }],
  retries: 0,
  handler: async ({ req }) => {
    const now = new Date()
    return {
      output: {
        expired: await expireOffers(req.payload, now),
        sessions: await createMissingSessions(req.payload, now),
        released: await releaseStaleCommitments(req.payload, now),
        invited: await afterSessionsEnded(req.payload, now),
      },
    }
  },
}
