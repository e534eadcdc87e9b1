import { refusalClass } from '../booking/errors.ts'

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

/** An order refusal, answered like a booking refusal (see refusalClass). */
export const OrderError = refusalClass<OrderErrorCode>('OrderError', statusOf)
export type OrderError = InstanceType<typeof OrderError>

export const orderNotFound = () => new OrderError('order_not_found', '未找到该点单，请核对点单编号和手机号')
export const conflict = () => new OrderError('conflict', '该点单刚刚已被他人处理，请刷新后查看最新状态')
