/** What was typed survives a trip to the privacy page and back (WeChat opens links in the same view). */
import { attendeeChoices, type BookingValues } from './bookingForm.ts'

const DRAFT_KEY = 'fujia-booking-draft'
const draftFields = ['parentName', 'phone', 'childAgeBand', 'street', 'community', 'attendees', 'email'] as const
type Draft = Partial<Pick<BookingValues, (typeof draftFields)[number]>>

export function readDraft(): Draft {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY)
    const data = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
    const draft: Draft = {}
    for (const key of draftFields) if (typeof data[key] === 'string') draft[key] = data[key]
    if (draft.attendees && !attendeeChoices.includes(draft.attendees)) delete draft.attendees
    return draft
  } catch {
    return {}
  }
}

export function writeDraft(values: BookingValues | null) {
  try {
    if (!values) sessionStorage.removeItem(DRAFT_KEY)
    else sessionStorage.setItem(DRAFT_KEY, JSON.stringify(Object.fromEntries(draftFields.map((k) => [k, values[k]]))))
  } catch {
    // storage unavailable (private mode): nothing to keep
  }
}
