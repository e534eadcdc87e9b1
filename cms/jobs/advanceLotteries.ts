import type { TaskConfig } from 'payload'
import { advanceLotteries } from '../lottery/steps.ts'

/** Every minute: lottery commitments, freezes at close, draws at their time, expired offers, rounds, leftovers. */
export const advanceLotteriesTask: TaskConfig<{ input: object; output: object }> = {
  slug: 'advanceLotteries',
  label: 'Advance lottery waves',
  schedule: [{ cron: '0 * * * * *', queue: 'default' }],
  retries: 1,
  handler: async ({ req }) => {
    await advanceLotteries(req.payload)
    return { output: {} }
  },
}
