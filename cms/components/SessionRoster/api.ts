import type { RosterRow } from '../../booking/staff.ts'
import type { CourseSession } from '../../payload-types.ts'

export type { RosterRow }
export type SessionSummary = Pick<
  CourseSession,
  | 'id'
  | 'title'
  | 'startsAt'
  | 'endsAt'
  | 'capacity'
  | 'waitlistSize'
  | 'confirmedCount'
  | 'waitlistedCount'
  | 'status'
  | 'cancelReason'
>
export type CheckInResult = {
  code: string
  status: RosterRow['status']
  alreadyCheckedIn?: boolean
  checkedInAt?: string
}

/** A refusal from the staff endpoints: their `{ error: { code, message } }` (Chinese) or Payload's `{ errors }`. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message)
  }
}

type ErrorBody = { error?: { code?: string; message?: string }; errors?: { message?: string }[] }

/** Same-origin JSON calls; the admin's cookie authenticates them. */
export async function request<T>(url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    credentials: 'include',
    headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  })
  const json = (await response.json().catch(() => null)) as (T & ErrorBody) | null
  if (!response.ok) {
    const message = json?.error?.message ?? json?.errors?.[0]?.message ?? `HTTP ${response.status}`
    throw new ApiError(message, response.status, json?.error?.code)
  }
  return json as T
}

/** The staff endpoints that act on one booking by its id. */
export type BookingAction = 'no-show' | 'promote' | 'staff-cancel'

export const sessionApi = (apiRoute: string, sessionId: number | string) => {
  const base = `${apiRoute}/course-sessions/${sessionId}`
  const phones = (full: boolean) => (full ? '?phones=full' : '')
  return {
    session: () => request<SessionSummary>(`${base}?depth=0`),
    roster: (fullPhones: boolean) => request<{ rows: RosterRow[] }>(`${base}/roster${phones(fullPhones)}`),
    exportUrl: (format: 'csv' | 'xlsx', fullPhones: boolean) => `${base}/roster.${format}${phones(fullPhones)}`,
    cancelSession: (reason: string) => request<{ cancelledBookings: number }>(`${base}/cancel`, { reason }),
    checkIn: (code: string, confirmOutsideSessionDay: boolean) =>
      request<CheckInResult>(`${apiRoute}/bookings/check-in`, { session: sessionId, code, confirmOutsideSessionDay }),
    bookingAction: (bookingId: RosterRow['id'], action: BookingAction, reason?: string) =>
      request<{ status: RosterRow['status'] }>(`${apiRoute}/bookings/${bookingId}/${action}`, reason ? { reason } : {}),
  }
}
export type SessionApi = ReturnType<typeof sessionApi>

/** The characters booking codes use (no 0/O, 1/I/L), as in cms/booking/code.ts. */
const CODE = /[2-9A-HJKMNP-Z]{8}/

/** A scanned QR code holds the booking code itself or a link carrying it (`?code=` or `#code`). */
export function bookingCodeFromScan(raw: string): string {
  let text = raw.trim()
  try {
    const url = new URL(text)
    text = url.searchParams.get('code') || url.hash.replace(/^#/, '') || text
  } catch {
    // Not a link: the code itself.
  }
  const normalised = text.replace(/[\s-]/g, '').toUpperCase()
  return normalised.match(CODE)?.[0] ?? normalised
}
