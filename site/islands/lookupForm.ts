/**
 * The lookup forms' checks (我的报名, and 查询点单 with the order code's words): the code and phone as the API
 * checks them.
 */
import { type Check, checkCode, checkFields, checkPhone } from './checks.ts'

export type LookupField = 'code' | 'phone'
export type LookupErrors = Partial<Record<LookupField, string>>

/** Form order: the first field in error gets the focus. */
export const lookupFieldOrder: LookupField[] = ['code', 'phone']

/** `code` checks the code field: a booking's code unless told otherwise. */
export const validateLookup = (values: Record<LookupField, string>, code: Check<string> = checkCode): LookupErrors =>
  checkFields(lookupFieldOrder, { code, phone: checkPhone }, values)
