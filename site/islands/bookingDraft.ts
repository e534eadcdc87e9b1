/**
 * What the booking form keeps in the browser. The draft (everything typed) survives a trip to the privacy page and
 * back within the visit (WeChat opens links in the same view); after a booking, the family's usual choices (age
 * band, street, community) are kept on the device so the next booking starts with them. Name and phone are not
 * kept beyond the visit: phones are often shared in a family.
 */
import { attendeeChoices, type BookingValues } from './bookingForm.ts'

const DRAFT_KEY = 'fujia-booking-draft'
const CHOICES_KEY = 'fujia-booking-choices'
const draftFields = ['parentName', 'phone', 'childAgeBand', 'street', 'community', 'attendees', 'email'] as const
const choiceFields = ['childAgeBand', 'street', 'community'] as const
type Draft = Partial<Pick<BookingValues, (typeof draftFields)[number]>>

const storages = {
  draft: { key: DRAFT_KEY, fields: draftFields, storage: () => sessionStorage },
  choices: { key: CHOICES_KEY, fields: choiceFields, storage: () => localStorage },
}

function read({ key, fields, storage }: (typeof storages)[keyof typeof storages]): Draft {
  try {
    const raw = storage().getItem(key)
    const data = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
    const draft: Draft = {}
    // An empty value never hides a remembered one.
    for (const field of fields) if (typeof data[field] === 'string' && data[field]) draft[field] = data[field]
    if (draft.attendees && !attendeeChoices.includes(draft.attendees)) delete draft.attendees
    return draft
  } catch {
    return {}
  }
}

function write({ key, fields, storage }: (typeof storages)[keyof typeof storages], values: BookingValues | null) {
  try {
    if (!values) storage().removeItem(key)
    else storage().setItem(key, JSON.stringify(Object.fromEntries(fields.map((f) => [f, values[f]]))))
  } catch {
    // storage unavailable (private mode): nothing to keep
  }
}

/** The values to start the form with: the usual choices, then what this visit typed. */
export const readDraft = (): Draft => ({ ...read(storages.choices), ...read(storages.draft) })

export const writeDraft = (values: BookingValues) => write(storages.draft, values)

/** After a booking: the draft is done with, the usual choices are kept for the next one. */
export function rememberChoices(values: BookingValues) {
  write(storages.draft, null)
  write(storages.choices, values)
}
