import type { Payload } from 'payload'
import { maskPhone } from '../../common/phone.ts'

/** Where SMS texts go. A gateway (e.g. a provider's HTTP API) implements this; until one is configured, texts are logged. */
export interface SmsSender {
  readonly channel: string
  /** Set when texts only go to the log: the outbox then records them as not sent. */
  readonly logsOnly?: boolean
  send(phone: string, text: string): Promise<void>
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
