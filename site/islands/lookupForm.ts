/** The 我的报名 lookup form's checks: the code and phone as the API checks them. */
import { type Check, checkCode, checkPhone } from './checks.ts'

export type LookupField = 'code' | 'phone'
export type LookupErrors = Partial<Record<LookupField, string>>

/** Form order: the first field in error gets the focus. */
export const lookupFieldOrder: LookupField[] = ['code', 'phone']

const checks: Record<LookupField, Check<string>> = { code: checkCode, phone: checkPhone }

export function validateLookup(values: Record<LookupField, string>): LookupErrors {
  const errors: LookupErrors = {}
  for (const field of lookupFieldOrder) {
    const problem = checks[field](values[field])
    if (problem) errors[field] = problem
  }
  return errors
}
