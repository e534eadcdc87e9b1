import { refusalClass } from '../booking/errors.ts'

/** Why a household request was refused; shown to parents as it is (Chinese, actionable). */
export type HouseholdErrorCode =
  | 'invalid_input'
  | 'rate_limited'
  | 'wrong_code'
  | 'code_expired'
  | 'code_exhausted'
  | 'verification_required'
  | 'child_not_found'
  | 'sms_failed'

const statusOf: Record<HouseholdErrorCode, number> = {
  invalid_input: 400,
  rate_limited: 429,
  wrong_code: 400,
  code_expired: 410,
  code_exhausted: 429,
  verification_required: 401,
  child_not_found: 404,
  sms_failed: 502,
}

/** A household refusal, answered like a booking refusal (see refusalClass). */
export const HouseholdError = refusalClass<HouseholdErrorCode>('HouseholdError', statusOf)
export type HouseholdError = InstanceType<typeof HouseholdError>

export const verificationRequired = () => new HouseholdError('verification_required', '请先用手机号验证码验证身份')
export const childNotFound = () => new HouseholdError('child_not_found', '未找到该孩子的信息')
export const sendLimited = () =>
  new HouseholdError('rate_limited', '验证码发送太频繁：同一手机号每分钟 1 条、每小时 5 条、每天 10 条，请稍后再试')
