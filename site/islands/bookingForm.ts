/**
 * The booking form's values, their checks (common/booking/fields.ts, as the API applies them) and the request
 * body they become. No state and no markup: useBooking.ts holds the state, the components draw it.
 */
import { bookingFields as f } from '../../common/booking/fields.ts'
import { normalisePhone } from '../../common/phone.ts'
import { type Check, checkChoice, checkEmail, checkFields, checkPhone, checkText, knownField } from './checks.ts'

export type BookingValues = {
  session: string
  parentName: string
  phone: string
  childAgeBand: string
  street: string
  community: string
  /** The chosen radio's value: "1", "2" … */
  attendees: string
  email: string
  guardianConsent: boolean
}
export type FormField = keyof BookingValues
export type FieldErrors = Partial<Record<FormField, string>>

/** Form order: the first field in error gets the focus. */
export const fieldOrder: FormField[] = [
  'session',
  'parentName',
  'phone',
  'childAgeBand',
  'street',
  'community',
  'attendees',
  'email',
  'guardianConsent',
]

/** Ids of a form field and its error; any form's field names (the order form shares the field components). */
export const fieldId = (field: string) => `bk-${field}`
export const errorId = (field: string) => `bk-${field}-error`

/** The field the API's 400 names, when the form shows that field. */
export const formFieldOf = (field: string | undefined): FormField | undefined => knownField(fieldOrder, field)

export const attendeeChoices = f.attendees.choices.map(String)

const checks: { [F in FormField]: Check<BookingValues[F]> } = {
  session: (id) => (id ? undefined : f.session.messages.required),
  parentName: checkText(f.parentName),
  phone: checkPhone,
  childAgeBand: checkChoice(f.childAgeBand.options, f.childAgeBand.messages.required),
  street: checkChoice(f.street.options, f.street.messages.required),
  community: checkText(f.community),
  attendees: checkChoice(attendeeChoices, f.attendees.messages.invalid),
  email: checkEmail,
  guardianConsent: (given) => (given ? undefined : f.guardianConsent.messages.required),
}

/** Every problem of the form, by field. */
export const validateBooking = (values: BookingValues): FieldErrors => checkFields(fieldOrder, checks, values)

/** What POST /api/bookings/book receives for valid values (without the idempotency key). */
export const bookingRequest = (values: BookingValues) => ({
  session: values.session,
  parentName: values.parentName.trim(),
  phone: normalisePhone(values.phone) ?? values.phone,
  childAgeBand: values.childAgeBand,
  street: values.street,
  ...(values.community.trim() ? { community: values.community.trim() } : {}),
  ...(values.email.trim() ? { email: values.email.trim() } : {}),
  attendees: Number(values.attendees),
  guardianConsent: true,
})
