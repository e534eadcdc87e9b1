/**
 * The verified household in this browser, shared by every island on the page (one module instance): the token
 * from phone verification (kept in localStorage 'fujia.household' until it expires, 24 hours), and the
 * household's children as the API answers them. Only the household's own data, fetched with its own token.
 */
import { type ApiResult, api } from '../api.ts'

export type HouseholdChild = {
  id: number | string
  name: string
  grade: string
  emergencyContact: { name: string; phoneMasked: string }
}

export type HouseholdState = {
  token?: string
  expiresAt?: string
  phoneMasked?: string
  children?: HouseholdChild[]
  loading: boolean
}

const KEY = 'fujia.household'
let state: HouseholdState = { loading: false }
const listeners = new Set<(s: HouseholdState) => void>()
let expiryTimer: ReturnType<typeof setTimeout> | undefined

function set(next: Partial<HouseholdState>) {
  state = { ...state, ...next }
  for (const listener of listeners) listener(state)
}

export const currentHousehold = () => state

export function subscribe(listener: (s: HouseholdState) => void) {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** Forgets the token (expired, or the parent signs out on a shared phone). */
export function signOut() {
  try {
    localStorage.removeItem(KEY)
  } catch {
    // storage unavailable (private mode): nothing kept
  }
  if (expiryTimer) clearTimeout(expiryTimer)
  set({ token: undefined, expiresAt: undefined, phoneMasked: undefined, children: undefined, loading: false })
}

function keepUntilExpiry(token: string, expiresAt: string) {
  const left = Date.parse(expiresAt) - Date.now()
  if (!(left > 0)) return signOut()
  if (expiryTimer) clearTimeout(expiryTimer)
  // Timers beyond ~24.8 days overflow; tokens live a day.
  expiryTimer = setTimeout(signOut, Math.min(left, 2 ** 31 - 1))
  set({ token, expiresAt })
}

/** Keeps the token verification returned. */
export function saveToken(token: string, expiresAt: string) {
  try {
    localStorage.setItem(KEY, JSON.stringify({ token, expiresAt }))
  } catch {
    // storage unavailable: the token lives as long as the page
  }
  keepUntilExpiry(token, expiresAt)
}

/** Reads a token kept by an earlier visit (once per page). */
export function restoreToken() {
  if (state.token) return
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? 'null')
    if (kept && typeof kept.token === 'string' && typeof kept.expiresAt === 'string') {
      keepUntilExpiry(kept.token, kept.expiresAt)
    }
  } catch {
    // nothing kept, or not readable
  }
}

/** A request with the household's token; a 401 (expired, or the household was deleted) signs out. */
export async function householdApi<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) {
  const { token } = state
  if (!token) {
    return {
      ok: false,
      status: 401,
      retryable: false,
      error: { code: 'verification_required', message: '请先用手机号验证码验证身份' },
    } as ApiResult<T>
  }
  const answer = await api<T>(method, path, body, { Authorization: `Bearer ${token}` })
  if (!answer.ok && answer.status === 401) signOut()
  return answer
}

/** Fetches the household's masked phone and children. */
export async function refresh() {
  if (!state.token) return
  set({ loading: true })
  const answer = await householdApi<{ phoneMasked: string; children: HouseholdChild[] }>('GET', '/api/households/me')
  if (answer.ok) set({ phoneMasked: answer.data.phoneMasked, children: answer.data.children, loading: false })
  else set({ loading: false })
}
