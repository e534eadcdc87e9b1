import type { Payload } from 'payload'
import { maskPhone } from '../../common/phone.ts'

/** The messages the platform sends, each an approved template at the SMS provider (SMS_TEMPLATE_<NAME>). */
export const smsTemplateNames = [
  'verification',
  'confirmed',
  'waitlisted',
  'promoted',
  'cancelled',
  'offer',
  'rate',
  'lottery_offer',
] as const
export type SmsTemplateName = (typeof smsTemplateNames)[number]

/**
 * A message as Chinese SMS providers send it: an approved template and its parameters, in the template's order
 * (the rendered text is what the template says with them filled in; it is what logs and email carry).
 */
export type SmsTemplate = { name: SmsTemplateName; params: Record<string, string> }

/**
 * Where SMS texts go: a provider's HTTP API (cms/notifications/sms/aliyun.ts, tencent.ts, chosen by
 * SMS_PROVIDER) or, until one is configured, the log.
 */
export interface SmsSender {
  readonly channel: string
  /** Set when texts only go to the log: the outbox then records them as not sent. */
  readonly logsOnly?: boolean
  /** Sends `text`; a provider sends `template` (it needs one) and refuses with an Error naming the reason. */
  send(phone: string, text: string, template?: SmsTemplate): Promise<void>
}

export const logSms = (payload: Payload): SmsSender => ({
  channel: 'sms-log',
  logsOnly: true,
  async send(phone, text) {
    // The text carries the booking code, which opens the booking with the phone: it stays in the notification
    // record (staff only), never in the log.
    payload.logger.info({
      msg: `SMS not sent (no gateway configured) to ${maskPhone(phone)}, ${text.length} characters`,
    })
  },
})
