import { OrderError } from '../orders/errors.ts'

export const forbiddenStreet = () => new OrderError('forbidden', '该点单不属于您负责的街道')
export const staffOnly = () => new OrderError('forbidden', '请先以课程协调员身份登录')
export const offerLinkInvalid = () =>
  new OrderError('order_not_found', '邀请链接无效。请使用短信或邮件中的完整链接，或联系区妇联。')
export const offerLinkExpired = () => new OrderError('invalid_transition', '邀请已过答复期限，如仍可授课请联系区妇联。')
export const offerClosed = () => new OrderError('invalid_transition', '该邀请已答复或已失效，无需再次操作。')
