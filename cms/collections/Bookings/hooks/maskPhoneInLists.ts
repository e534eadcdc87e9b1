import type { FieldHook } from 'payload'
import { maskPhone } from '../../../../common/phone.ts'

/**
 * Lists show "138****8000"; the full number appears only on one booking's own page (for a coordinator who has to
 * call). System reads (no user: notifier, retention job) get the stored value.
 */
export const maskPhoneInLists: FieldHook = ({ value, findMany, req }) =>
  req.user && findMany && typeof value === 'string' ? maskPhone(value) : value
