import { BookingError } from '../booking/errors.ts'

/** Why an order request was refused; shown to requesters and staff as it is (Chinese, actionable). */
export type OrderErrorCode =
  | 'invalid_input'
  | 'order_not_found'
  | 'course_not_found'
  | 'invalid_transition'
  | 'conflict'
  | 'rate_limited'
  | 'forbidden'

const statusOf: Record<OrderErrorCode, number> = {
  invalid_input: 400,
  order_not_found: 404,
  course_not_found: 404,
  invalid_transition: 409,
  conflict: 409,
  rate_limited: 429,
  forbidden: 403,
}

/**
 * An order refusal, answered by the booking endpoints' `respond` (cms/booking/http.ts) like a booking refusal:
 * `{ error: { code, message, field? } }` with its status.
 */
export class OrderError extends BookingError {
  override name = 'OrderError'
  override readonly status: number
  constructor(code: OrderErrorCode, message: string, field?: string) {
    super(code as ConstructorParameters<typeof BookingError>[0], message, field)
    this.status = statusOf[code]
  }
}

export const orderNotFound = () => new OrderError('order_not_found', '未找到该点单，请核对点单编号和手机号')
export const conflict = () => new OrderError('conflict', '该点单刚刚已被他人处理，请刷新后查看最新状态')
