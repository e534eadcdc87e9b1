import type { CollectionBeforeOperationHook } from 'payload'
import { normalisedEmail, requestAddress, tooManyRequests } from './requests.ts'
import { giveBack, type ThrottlePolicy, takeAttempt } from './throttle.ts'

const HOUR = 60 * 60 * 1000
/** A few requests, then one an hour: `free` requests within an hour of each other, then an hour's wait. */
const perHour = (name: string, free: number): ThrottlePolicy => ({
  name,
  free,
  firstDelayMs: HOUR,
  maxDelayMs: HOUR,
  forgetAfterMs: HOUR,
})

/** One address asking for reset emails, to any addresses. */
export const RESET_BY_ADDRESS = perHour('reset-address', 5)
/** Reset emails to one account (counted by the email asked for, so an unknown email is answered the same way). */
export const RESET_BY_ACCOUNT = perHour('reset-account', 3)

/** Limits password-reset emails per client address and per account, refusing with 429 beyond them. */
export const throttleForgotPassword: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'forgotPassword') return args
  const byAddress = await takeAttempt(req.payload, RESET_BY_ADDRESS, requestAddress(req))
  if ('waitMs' in byAddress) throw tooManyRequests('找回密码的请求过于频繁', byAddress.waitMs)
  const byAccount = await takeAttempt(req.payload, RESET_BY_ACCOUNT, normalisedEmail(args.data?.email))
  if ('attempt' in byAccount) return args
  await giveBack(req.payload, byAddress.attempt)
  throw tooManyRequests('找回密码的请求过于频繁', byAccount.waitMs)
}
