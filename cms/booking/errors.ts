/**
 * Why a booking request was refused; `message` is shown to parents as it is, so it is Chinese and actionable.
 * `field` names the request field at fault, so a form can put the message beside it.
 */
export type BookingErrorCode =
  | 'invalid_input'
  | 'too_large'
  | 'unsupported_type'
  | 'session_not_found'
  | 'booking_not_found'
  | 'not_open'
  | 'closed'
  | 'session_cancelled'
  | 'full'
  | 'deadline_passed'
  | 'not_cancellable'
  | 'rate_limited'
  | 'forbidden'
  | 'phone_unavailable'
  | 'idempotency_conflict'
  | 'not_session_day'
  | 'session_not_started'

const statusOf: Record<BookingErrorCode, number> = {
  invalid_input: 400,
  too_large: 413,
  unsupported_type: 415,
  session_not_found: 404,
  booking_not_found: 404,
  not_open: 409,
  closed: 409,
  session_cancelled: 409,
  full: 409,
  deadline_passed: 409,
  not_cancellable: 409,
  rate_limited: 429,
  forbidden: 403,
  phone_unavailable: 409,
  idempotency_conflict: 409,
  not_session_day: 409,
  session_not_started: 409,
}

/** The JSON answer of a refusal: `{ error: { code, message, field? } }` (no `field` key when there is none). */
export const refusalBody = <Code extends string>({
  code,
  message,
  field,
}: {
  code: Code
  message: string
  field?: string
}) => ({ error: field ? { code, message, field } : { code, message } })

export class BookingError extends Error {
  override name = 'BookingError'
  readonly status: number
  constructor(
    readonly code: BookingErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.status = statusOf[code]
  }
  toJSON() {
    return refusalBody(this)
  }
}

/**
 * A refusal class for another area (households, orders) with codes and statuses of its own, answered by the booking
 * endpoints' `respond` (cms/booking/http.ts) like a booking refusal: `{ error: { code, message, field? } }` with its
 * status. Its instances are BookingErrors.
 */
export function refusalClass<Code extends string>(name: string, statuses: Record<Code, number>) {
  return class extends BookingError {
    override name = name
    override readonly status: number
    constructor(code: Code, message: string, field?: string) {
      super(code as unknown as BookingErrorCode, message, field)
      this.status = statuses[code]
    }
  }
}

export const notFoundBooking = () => new BookingError('booking_not_found', '未找到报名记录，请核对报名码和手机号')
