import type { Payload } from 'payload'

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
    payload.logger.info({
      msg: `SMS (logged, no gateway configured) to ${phone.slice(0, 3)}****${phone.slice(7)}: ${text}`,
    })
  },
})
