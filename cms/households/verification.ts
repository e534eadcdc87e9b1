import { CODE_VALID_MINUTES, RESEND_AFTER_SECONDS } from '../../common/household/fields.ts'
import { maskPhone } from '../../common/phone.ts'
import type { SmsSender } from '../notifications/sms.ts'
import { HouseholdError, sendLimited } from './errors.ts'
import { CODE_TTL_MS, codeHash, generateCode, MAX_ATTEMPTS, phoneKey, sameHash, sendLimits } from './rules.ts'
import type { VerificationStore } from './store.ts'

/** What verification needs, injected so the rules run the same against any store, sender and clock. */
export type VerificationDeps = {
  store: VerificationStore
  secret: string
  sms: SmsSender
  now: Date
  /** Only in development without an SMS gateway: where the code itself is shown (the server log). */
  revealCode?: (phone: string, code: string) => void
  /** Where a gateway's refusal is recorded (the parent gets a plain message). */
  reportSendFailure?: (error: unknown) => void
}

/** The text and template of a verification SMS (the provider adds the registered signature). */
export const verificationMessage = (code: string) => ({
  text: `验证码${code}，${CODE_VALID_MINUTES}分钟内有效，仅用于福家报名身份验证，请勿告诉他人。`,
  template: { name: 'verification' as const, params: { code } },
})

/**
 * Sends a new code to `phone` if the phone's and the address's budgets allow (counted only when sent), replacing
 * any earlier code. A gateway failure leaves no live code behind that nobody received.
 */
export async function sendVerificationCode(deps: VerificationDeps, phone: string, ip: string) {
  const { store, secret, sms, now } = deps
  if (!(await store.countSend(sendLimits(secret, phone, ip), now))) throw sendLimited()
  const code = generateCode()
  const key = phoneKey(secret, phone)
  await store.save(key, codeHash(secret, phone, code), new Date(now.getTime() + CODE_TTL_MS))
  const { text, template } = verificationMessage(code)
  try {
    await sms.send(phone, text, template)
  } catch (error) {
    deps.reportSendFailure?.(error)
    await store.consume(key, codeHash(secret, phone, code))
    throw new HouseholdError('sms_failed', `短信发送失败，请稍后再试（${maskPhone(phone)}）`, 'phone')
  }
  if (sms.logsOnly) deps.revealCode?.(phone, code)
  return { sent: true, validMinutes: CODE_VALID_MINUTES, resendAfterSeconds: RESEND_AFTER_SECONDS }
}

/**
 * Checks a code typed for `phone`: each try is counted before it is compared, a code answers at most
 * MAX_ATTEMPTS tries and CODE_VALID_MINUTES minutes, and a matching code is used up.
 */
export async function checkVerificationCode(deps: VerificationDeps, phone: string, code: string): Promise<void> {
  const { store, secret, now } = deps
  const key = phoneKey(secret, phone)
  const attempt = await store.attempt(key, now, MAX_ATTEMPTS)
  if (attempt.kind !== 'live') {
    throw attempt.kind === 'exhausted'
      ? new HouseholdError('code_exhausted', `验证码已输错 ${MAX_ATTEMPTS} 次，请重新获取`, 'code')
      : new HouseholdError('code_expired', '验证码已失效，请重新获取', 'code')
  }
  const typed = codeHash(secret, phone, code)
  if (!sameHash(attempt.codeHash, typed) || !(await store.consume(key, typed))) {
    const left = MAX_ATTEMPTS - attempt.attempts
    throw new HouseholdError(
      'wrong_code',
      left > 0 ? `验证码不正确，还可以再试 ${left} 次` : '验证码不正确，请重新获取',
      'code',
    )
  }
}
