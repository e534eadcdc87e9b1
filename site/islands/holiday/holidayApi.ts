/**
 * The 无忧假期 API as the islands call it: live seats (which also set the server clock), registration with a
 * household's token, retried with the same idempotency key when no answer came, and the wording of a seat state.
 */
import { type ApiResult, api } from '../api.ts'
import { parseServerTime, type ServerClock } from './clock.ts'

export type SeatState = 'not_open' | 'open' | 'full' | 'waitlist' | 'closed' | 'cancelled'

export type Seats = {
  id: string
  seatsLeft: number
  waitlistLeft: number
  state: SeatState
  opensAt?: string
  closesAt?: string
}

type SeatsAnswer = { serverTime?: unknown; sessions?: Array<Omit<Seats, 'id'> & { id: string | number }> }

/**
 * Live seats of some sessions (`ids`) or of a wave's; every answer is also a clock measurement, so the
 * countdown is as right as the last request was quick.
 */
export async function fetchSeats(
  query: { ids: string[] } | { wave: string },
  clock: ServerClock,
): Promise<ApiResult<Seats[]>> {
  const search =
    'ids' in query ? `ids=${query.ids.map(encodeURIComponent).join(',')}` : `wave=${encodeURIComponent(query.wave)}`
  const sentAt = clock.localNow()
  const result = await api<SeatsAnswer>('GET', `/api/holiday-sessions/seats?${search}`)
  const receivedAt = clock.localNow()
  if (!result.ok) return result
  const serverTime = parseServerTime(result.data.serverTime)
  if (serverTime !== undefined) clock.add({ sentAt, receivedAt, serverTime })
  const sessions = (result.data.sessions ?? []).map((s) => ({ ...s, id: String(s.id) }))
  return { ...result, data: sessions }
}

/** What the seat line says; `waitlist`: the session takes waitlist places only. */
export function seatsText(s: Seats): string {
  switch (s.state) {
    case 'not_open':
      return '未开始报名'
    case 'open':
      return `剩余 ${s.seatsLeft} 个名额`
    case 'full':
      return '名额已满'
    case 'waitlist':
      return `名额已满，可候补（候补余 ${s.waitlistLeft} 位）`
    case 'closed':
      return '报名已结束'
    case 'cancelled':
      return '本场次已取消'
    default:
      return ''
  }
}

export const takesRegistrations = (s: Seats | undefined) => s?.state === 'open' || s?.state === 'waitlist'

// ------------------------------------------------------------------ registration

export type RegisterItem = { session: string; child: string }

export type RegisterOutcome =
  | {
      session: string
      child: string
      status: string
      code: string
      waitlistPosition?: number
      error?: undefined
    }
  | { session: string; child: string; error: string; message: string; status?: undefined; code?: undefined }

type RegisterAnswer = { results?: Array<Record<string, unknown>> }

const normalise = (r: Record<string, unknown>): RegisterOutcome => {
  const base = { session: String(r.session), child: String(r.child) }
  if (typeof r.code === 'string' && !r.error) {
    return {
      ...base,
      status: String(r.status ?? 'confirmed'),
      code: r.code,
      ...(typeof r.waitlistPosition === 'number' ? { waitlistPosition: r.waitlistPosition } : {}),
    }
  }
  const error = r.error as string | { code?: string; message?: string } | undefined
  const code = typeof error === 'object' && error ? String(error.code ?? 'error') : String(error ?? 'error')
  const message =
    typeof r.message === 'string'
      ? r.message
      : typeof error === 'object' && typeof error?.message === 'string'
        ? error.message
        : '报名未成功'
  return { ...base, error: code, message }
}

export const authorization = (token: string) => ({ Authorization: `Bearer ${token}` })

export async function register(
  token: string,
  idempotencyKey: string,
  items: RegisterItem[],
): Promise<ApiResult<RegisterOutcome[]>> {
  const result = await api<RegisterAnswer>(
    'POST',
    '/api/holiday-registrations/register',
    { idempotencyKey, items: items.map((i) => ({ session: numericId(i.session), child: numericId(i.child) })) },
    authorization(token),
  )
  if (!result.ok) return result
  return { ...result, data: (result.data.results ?? []).map(normalise) }
}

/** IDs go back as the API gave them: numbers on SQLite, strings on MongoDB. */
const numericId = (id: string): string | number => (/^\d+$/.test(id) ? Number(id) : id)

export type Wait = (ms: number) => Promise<void>
const sleep: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Sends a registration until it gets an answer: a network error, a timeout or a 5xx leaves the outcome
 * unknown, so the same request goes again with the SAME idempotency key (the server answers a repeat with the
 * first result, never a second registration). Stops at a definitive answer or after `attempts`.
 */
export async function registerUntilAnswered(
  send: () => Promise<ApiResult<RegisterOutcome[]>>,
  { attempts = 6, wait = sleep, onRetry }: { attempts?: number; wait?: Wait; onRetry?: (attempt: number) => void } = {},
): Promise<ApiResult<RegisterOutcome[]>> {
  let result = await send()
  for (let attempt = 1; attempt < attempts && !result.ok && result.retryable; attempt++) {
    onRetry?.(attempt)
    await wait(Math.min(4000, 400 * 2 ** (attempt - 1)))
    result = await send()
  }
  return result
}

/** The registration's status in words. */
export function outcomeText(o: RegisterOutcome): string {
  if (o.error !== undefined) return o.message
  if (o.status === 'waitlisted') return o.waitlistPosition ? `已进入候补，第 ${o.waitlistPosition} 位` : '已进入候补'
  return '报名成功'
}
