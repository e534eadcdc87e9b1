/**
 * The booking API as the islands call it: same origin, JSON both ways, every failure turned into a Chinese
 * message to show as it is. Plain fetch (WeChat's browser has it); a timeout where AbortController exists.
 */

/** `field`: the request field a 400 is about, when it is about one. */
export type ApiError = { code: string; message: string; field?: string }

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  /** `retryable`: no definitive answer (network, timeout, 5xx): the same submission may be sent again. */
  | { ok: false; status: number; error: ApiError; retryable: boolean }

const TIMEOUT_MS = 20_000
const networkError: ApiError = { code: 'network', message: '网络连接失败，请检查网络后重试' }
const serverError: ApiError = { code: 'server_error', message: '服务器繁忙，请稍后再试' }

/** `headers`: added to the request (a household's `Authorization`). */
export async function api<T>(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResult<T>> {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined
  const timer = controller && setTimeout(() => controller.abort(), TIMEOUT_MS)
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers: {
        ...(body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller?.signal,
    })
  } catch {
    return { ok: false, status: 0, error: networkError, retryable: true }
  } finally {
    if (timer) clearTimeout(timer)
  }
  let json: unknown
  try {
    json = await response.json()
  } catch {
    json = undefined
  }
  if (response.ok && json && typeof json === 'object') return { ok: true, status: response.status, data: json as T }
  const error = (json as { error?: Partial<ApiError> } | undefined)?.error
  const retryable = response.status >= 500 || response.status === 0
  if (error && typeof error.message === 'string') {
    return {
      ok: false,
      status: response.status,
      error: {
        code: String(error.code ?? 'error'),
        message: error.message,
        ...(typeof error.field === 'string' ? { field: error.field } : {}),
      },
      retryable,
    }
  }
  return { ok: false, status: response.status, error: serverError, retryable: true }
}

/** An idempotency key (bookingFields.idempotencyKey.pattern): getRandomValues works outside secure contexts too. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16)
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') crypto.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  let key = 'bk-'
  for (const b of bytes) key += b.toString(16).padStart(2, '0')
  return key
}

export const calendarUrl = (token: string) => `/api/bookings/calendar/${encodeURIComponent(token)}.ics`
export const myBookingUrl = (code?: string) => (code ? `/my-booking/?code=${encodeURIComponent(code)}` : '/my-booking/')
