/** Checks the islands run before sending, from the same definitions and in the same words as the API's zod schemas. */
import { isBookingCode, normaliseBookingCode } from '../../common/booking/code.ts'
import { codeField, bookingFields as f } from '../../common/booking/fields.ts'
import { normalisePhone } from '../../common/phone.ts'

/** A check answers the message for the problem it found, or undefined. */
export type Check<T> = (value: T) => string | undefined

export const checkPhone: Check<string> = (phone) => {
  if (!phone.trim()) return f.phone.messages.required
  return normalisePhone(phone) ? undefined : f.phone.messages.invalid
}

/** A booking-shaped code (a booking's or an order's), in the words of that code's field. */
export const checkCodeWith =
  (messages: { required: string; invalid: string }): Check<string> =>
  (code) => {
    const normal = normaliseBookingCode(code)
    if (!normal) return messages.required
    return isBookingCode(normal) ? undefined : messages.invalid
  }

export const checkCode: Check<string> = checkCodeWith(codeField.messages)

/** A trimmed text up to `maxLength`, required unless `required` is left out. */
export const checkText =
  ({ maxLength, messages }: { maxLength: number; messages: { tooLong: string; required?: string } }): Check<string> =>
  (text) => {
    const trimmed = text.trim()
    if (!trimmed) return messages.required
    return trimmed.length > maxLength ? messages.tooLong : undefined
  }

/** One of `options`; the message asks to choose. */
export const checkChoice =
  (options: readonly string[], message: string): Check<string> =>
  (value) =>
    options.includes(value) ? undefined : message

/** An optional email address: empty, or the shape the API accepts. */
export const checkEmail: Check<string> = (email) => {
  const trimmed = email.trim()
  if (!trimmed) return undefined
  if (!f.email.pattern.test(trimmed)) return f.email.messages.invalid
  return trimmed.length > f.email.maxLength ? f.email.messages.tooLong : undefined
}

/** Every problem of a form's values, by field, checked in the form's `order`. */
export function checkFields<V extends Record<string, unknown>>(
  order: readonly (keyof V)[],
  checks: { [F in keyof V]: Check<V[F]> },
  values: V,
): Partial<Record<keyof V, string>> {
  const errors: Partial<Record<keyof V, string>> = {}
  for (const field of order) {
    const problem = checks[field](values[field])
    if (problem) errors[field] = problem
  }
  return errors
}

/** The form field an API 400 names, when the form shows that field. */
export const knownField = <F extends string>(order: readonly F[], field: string | undefined): F | undefined =>
  order.find((known) => known === field)

/** The alert above a form's submit button when checks found problems. */
export const problemsText = (count: number) => `有 ${count} 项需要填写或修改，请查看标红的提示。`
