/**
 * The SMS provider the e2e platform sends through: a local fake of Tencent Cloud SMS (tests/helpers/fakeTencentSms.ts)
 * that start-platform.sh runs beside `npm start`, so tests read verification codes as a parent reads the SMS.
 */
import { E2E_PORT } from './platform.ts'

export const E2E_SMS_PORT = Number(process.env.E2E_SMS_PORT ?? E2E_PORT + 50)
export const E2E_SMS_KEYS = { secretId: 'AKID-e2e', secretKey: 'e2e-sms-secret', sdkAppId: '1400000100' }

/** The SMS_* settings that point the platform at the fake (start-platform.sh exports them). */
export const e2eSmsEnv = {
  SMS_PROVIDER: 'tencent',
  SMS_ACCESS_KEY_ID: E2E_SMS_KEYS.secretId,
  SMS_ACCESS_KEY_SECRET: E2E_SMS_KEYS.secretKey,
  SMS_SDK_APP_ID: E2E_SMS_KEYS.sdkAppId,
  SMS_SIGN_NAME: '福家',
  SMS_ENDPOINT: `http://127.0.0.1:${E2E_SMS_PORT}`,
  SMS_TEMPLATE_VERIFICATION: '900001',
  SMS_TEMPLATE_CONFIRMED: '900002',
  SMS_TEMPLATE_WAITLISTED: '900003',
  SMS_TEMPLATE_PROMOTED: '900004',
  SMS_TEMPLATE_CANCELLED: '900005',
  SMS_TEMPLATE_OFFER: '900006',
  SMS_TEMPLATE_RATE: '900007',
  SMS_TEMPLATE_LOTTERY_OFFER: '900008',
}

/** The code of the latest verification SMS to `phone` (11 digits), waiting up to `timeoutMs` for it to arrive. */
export async function latestSmsCode(phone: string, { after = 0, timeoutMs = 10_000 } = {}): Promise<string> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${E2E_SMS_PORT}/messages?phone=${phone}`)
    const messages = (await response.json()) as { template: string; params: string[]; at: string }[]
    const code = messages
      .filter((m) => m.template === e2eSmsEnv.SMS_TEMPLATE_VERIFICATION && Date.parse(m.at) >= after)
      .at(-1)?.params[0]
    if (code) return code
    if (Date.now() > deadline) throw new Error(`no verification SMS to ${phone}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/**
 * A client address of its own for a test that sends codes (use as `test.use({ extraHTTPHeaders: … })`): the
 * e2e platform trusts X-Forwarded-For from 127.0.0.1 (start-platform.sh), so limits count per test.
 */
export const ownClientAddress = () => ({
  'x-forwarded-for': `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`,
})

/** The link in the latest SMS of `template` to `phone` (an offer to a lecturer, a rating invitation), waiting for it. */
export async function latestSmsLink(phone: string, template: string, { timeoutMs = 15_000 } = {}): Promise<string> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${E2E_SMS_PORT}/messages?phone=${phone}`)
    const messages = (await response.json()) as { template: string; params: string[] }[]
    const link = messages
      .filter((m) => m.template === template)
      .at(-1)
      ?.params.find((p) => /^https?:\/\//.test(p))
    if (link) return link
    if (Date.now() > deadline) throw new Error(`no SMS ${template} to ${phone}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}
