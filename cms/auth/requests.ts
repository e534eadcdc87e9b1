import { APIError, type PayloadRequest } from 'payload'
import { clientIp } from '../booking/http.ts'

/** The client address the front server tagged the request with ('unknown' for Local API calls). */
export const requestAddress = (req: PayloadRequest): string => clientIp(req)

/** The email as Payload looks it up (lower case, trimmed), so throttles count every spelling of it as one. */
export const normalisedEmail = (value: unknown): string => (typeof value === 'string' ? value.toLowerCase().trim() : '')

const waitText = (ms: number) => {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  return seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`
}

/** A 429 whose message tells how long to wait, e.g. "登录尝试过于频繁，请 10 秒后再试。" */
export const tooManyRequests = (what: string, waitMs: number) =>
  new APIError(`${what}，请 ${waitText(waitMs)}后再试。`, 429, undefined, true)
