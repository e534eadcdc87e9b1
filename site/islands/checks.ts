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

export const checkCode: Check<string> = (code) => {
  const normal = normaliseBookingCode(code)
  if (!normal) return codeField.messages.required
  return isBookingCode(normal) ? undefined : codeField.messages.invalid
}

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

/** The alert above a form's submit button when checks found problems. */
export const problemsText = (count: number) => `有 ${count} 项需要填写或修改，请查看标红的提示。`
