/**
 * The order form's values, their checks (common/orders/fields.ts, as the API applies them) and the request body
 * they become. No markup: OrderIsland.tsx draws it.
 */
import { orderFields as f } from '../../../common/orders/fields.ts'
import { normalisePhone } from '../../../common/phone.ts'
import { type Check, checkChoice, checkFields, checkPhone, checkText, knownField } from '../checks.ts'

export type OrderWindow = { from: string; to: string }

export type OrderValues = {
  course: string
  organisationType: string
  organisationName: string
  street: string
  community: string
  audience: string[]
  headcount: string
  windows: OrderWindow[]
  format: string
  venueAddress: string
  interactionMode: string
  contactName: string
  contactPhone: string
  notes: string
  consent: boolean
}
export type OrderFormField = keyof OrderValues
export type OrderErrors = Partial<Record<OrderFormField, string>>

/** Form order: the first field in error gets the focus. */
export const orderFieldOrder: OrderFormField[] = [
  'course',
  'organisationType',
  'organisationName',
  'street',
  'community',
  'audience',
  'headcount',
  'windows',
  'format',
  'venueAddress',
  'interactionMode',
  'contactName',
  'contactPhone',
  'notes',
  'consent',
]

export const formFieldOfOrder = (field: string | undefined): OrderFormField | undefined =>
  knownField(orderFieldOrder, field)

const DAY_MS = 24 * 60 * 60 * 1000
/** Today's date in Beijing ("2026-12-06"), whatever the phone's zone. */
export const todayInBeijing = (now = Date.now()) => new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10)
export const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)

/** The filled windows: a half-filled one counts (and is checked); empty ones beyond the second are left out. */
const filled = (windows: OrderWindow[]) => windows.filter((w, i) => i < f.windows.min || w.from || w.to)

const checkWindows: Check<OrderWindow[]> = (windows) => {
  const list = filled(windows)
  if (list.length < f.windows.min || list.some((w) => !w.from || !w.to)) return f.windows.messages.required
  const today = todayInBeijing()
  for (const w of list) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(w.from) || !/^\d{4}-\d{2}-\d{2}$/.test(w.to)) return f.windows.messages.invalid
    if (w.to < w.from) return f.windows.messages.order
    if (w.from <= today) return f.windows.messages.past
    if (w.to > addDays(today, f.windows.horizonDays)) return f.windows.messages.tooFar
  }
  return undefined
}

const checkHeadcount: Check<string> = (value) => {
  const n = Number(value.trim())
  return value.trim() && Number.isInteger(n) && n >= f.headcount.min && n <= f.headcount.max
    ? undefined
    : f.headcount.messages.invalid
}

const optionalText =
  (spec: { maxLength: number; messages: { tooLong: string } }): Check<string> =>
  (text) =>
    text.trim().length > spec.maxLength ? spec.messages.tooLong : undefined

function checksFor(values: OrderValues): { [F in OrderFormField]: Check<OrderValues[F]> } {
  return {
    course: (id) => (id ? undefined : f.course.messages.required),
    organisationType: checkChoice(f.organisationType.options, f.organisationType.messages.required),
    organisationName: checkText(f.organisationName),
    street: checkChoice(f.street.options, f.street.messages.required),
    community: (id) => (id ? undefined : f.community.messages.required),
    audience: (list) => (list.length ? undefined : f.audience.messages.required),
    headcount: checkHeadcount,
    windows: checkWindows,
    format: checkChoice(f.format.options, f.format.messages.required),
    venueAddress: (text) =>
      values.format === 'offline'
        ? checkText({ maxLength: f.venueAddress.maxLength, messages: f.venueAddress.messages })(text)
        : undefined,
    interactionMode: (id) => (id ? undefined : f.interactionMode.messages.required),
    contactName: checkText(f.contactName),
    contactPhone: checkPhone,
    notes: optionalText(f.notes),
    consent: (given) => (given ? undefined : f.consent.messages.required),
  }
}

/** Every problem of the form, by field. */
export const validateOrder = (values: OrderValues): OrderErrors =>
  checkFields(orderFieldOrder, checksFor(values), values)

const idValue = (v: string) => (/^\d+$/.test(v) ? Number(v) : v)

/** What POST /api/course-orders/submit receives for valid values (without the idempotency key). */
export const orderRequest = (values: OrderValues) => ({
  course: idValue(values.course),
  organisationType: values.organisationType,
  organisationName: values.organisationName.trim(),
  street: values.street,
  community: idValue(values.community),
  audience: values.audience,
  headcount: Number(values.headcount.trim()),
  windows: filled(values.windows),
  format: values.format,
  ...(values.format === 'offline' ? { venueAddress: values.venueAddress.trim() } : {}),
  interactionMode: idValue(values.interactionMode),
  contactName: values.contactName.trim(),
  contactPhone: normalisePhone(values.contactPhone) ?? values.contactPhone,
  ...(values.notes.trim() ? { notes: values.notes.trim() } : {}),
  consent: true,
})

export const emptyOrder = (course = ''): OrderValues => ({
  course,
  organisationType: '',
  organisationName: '',
  street: '',
  community: '',
  audience: [],
  headcount: '',
  windows: [
    { from: '', to: '' },
    { from: '', to: '' },
    { from: '', to: '' },
  ],
  format: 'offline',
  venueAddress: '',
  interactionMode: '',
  contactName: '',
  contactPhone: '',
  notes: '',
  consent: false,
})

/** What the form offers beside the course list: GET /api/course-orders/options. */
export type OrderOptions = {
  communities: { id: number | string; name: string; street: string }[]
  interactionModes: { id: number | string; name: string }[]
}
