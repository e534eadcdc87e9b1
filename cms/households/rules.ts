import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import { CODE_VALID_MINUTES, VERIFICATION_CODE_LENGTH } from '../../common/household/fields.ts'
import type { RateLimit } from '../booking/stores/rateLimits.ts'

/** A code answers at most this many tries; the next try finds it dead and a new code must be sent. */
export const MAX_ATTEMPTS = 5
export const CODE_TTL_MS = CODE_VALID_MINUTES * 60_000

/** Codes sent per phone number and per client address: 1 a minute, 5 an hour, 10 a day. */
export const SEND_WINDOWS = [
  { windowSeconds: 60, limit: 1 },
  { windowSeconds: 3600, limit: 5 },
  { windowSeconds: 86_400, limit: 10 },
] as const

/** Verification tries per client address in ten minutes (every phone's code together). */
export const VERIFY_PER_IP = { windowSeconds: 600, limit: 30 } as const

/** A uniformly drawn six-digit code ("000123" included). */
export const generateCode = (): string =>
  String(randomInt(0, 10 ** VERIFICATION_CODE_LENGTH)).padStart(VERIFICATION_CODE_LENGTH, '0')

const keyed = (secret: string, purpose: string, value: string) =>
  createHmac('sha256', secret).update(`${purpose}\0${value}`).digest('base64url')

/** The phone number as the store knows it: a keyed hash, so the codes table holds no phone numbers. */
export const phoneKey = (secret: string, phone: string) => keyed(secret, 'household-phone', phone)

/** A code as stored: keyed to the secret and to the phone it was sent to (a code for one phone opens no other). */
export const codeHash = (secret: string, phone: string, code: string) =>
  keyed(secret, 'household-code', `${phone}:${code}`)

export const sameHash = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * The send budgets of one request: every window for the phone and for the client address. The window length is
 * part of each key, since the counters of all windows share one table.
 */
export const sendLimits = (secret: string, phone: string, ip: string): RateLimit[] =>
  SEND_WINDOWS.map(({ windowSeconds, limit }) => ({
    windowSeconds,
    keys: [
      { key: `sms:${windowSeconds}:phone:${keyed(secret, 'limit', phone).slice(0, 22)}`, limit },
      { key: `sms:${windowSeconds}:ip:${keyed(secret, 'limit', ip).slice(0, 22)}`, limit },
    ],
  }))

/** Why a try found no code to compare with. */
export type DeadCode = 'none' | 'expired' | 'exhausted'

/** What the store holds for a phone, as the rules judge it. */
export type StoredCode = { codeHash: string; expiresAt: Date; attempts: number }

/** Whether a stored code may still take a try at `now` (the stores apply the same rule in one atomic statement). */
export function deadReason(code: StoredCode | null, now: Date): DeadCode | null {
  if (!code) return 'none'
  if (code.attempts >= MAX_ATTEMPTS) return 'exhausted'
  if (code.expiresAt.getTime() <= now.getTime()) return 'expired'
  return null
}
