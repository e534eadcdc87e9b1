import type { Payload } from 'payload'
import { configuredSms } from '../notifications/sms/index.ts'
import type { SmsTemplate } from '../notifications/sms.ts'

/**
 * Sends one dispatch message through the platform's notifier (the configured SMS sender and email adapter). A
 * failure is logged and does not undo the step that caused it: the dispatcher sees the order's state in the admin.
 */
export async function sendMessage(
  payload: Payload,
  to: { phone?: string | null; email?: string | null },
  text: string,
  template: SmsTemplate,
  subject: string,
): Promise<string[]> {
  const channels: string[] = []
  if (to.phone) {
    try {
      const sms = configuredSms(payload)
      await sms.send(to.phone, text, template)
      channels.push(sms.channel)
    } catch (error) {
      payload.logger.error({ err: error, msg: `dispatch SMS (${template.name}) failed` })
    }
  }
  if (to.email) {
    try {
      await payload.sendEmail({ to: to.email, subject, text })
      channels.push('email')
    } catch (error) {
      payload.logger.error({ err: error, msg: `dispatch email (${template.name}) failed` })
    }
  }
  return channels
}
