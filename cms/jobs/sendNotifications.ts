import type { TaskConfig } from 'payload'
import { sendPendingMessages } from '../notifications/pending.ts'

/** Sends (and retries) the messages waiting for parents every minute; requests also send right away. */
export const sendNotifications: TaskConfig<{ input: object; output: { sent: number } }> = {
  slug: 'sendNotifications',
  label: 'Send queued notifications',
  schedule: [{ cron: '0 * * * * *', queue: 'default' }],
  retries: 0,
  handler: async ({ req }) => ({ output: { sent: await sendPendingMessages(req.payload) } }),
}
