import crypto from 'node:crypto'
import type { Payload } from 'payload'

const sign = (payload: Payload, code: string) =>
  crypto.createHmac('sha256', payload.secret).update(`calendar:${code}`).digest('base64url').slice(0, 16)

/**
 * A link-safe token for a booking's calendar file: it names the booking without the phone number, and is signed,
 * so guessing a code does not give the file.
 */
export const calendarToken = (payload: Payload, code: string): string => `${code}.${sign(payload, code)}`

export function codeFromCalendarToken(payload: Payload, token: string): string | undefined {
  const [code, signature] = token.split('.')
  if (!code || !signature) return undefined
  const expected = sign(payload, code)
  const valid =
    signature.length === expected.length && crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  return valid ? code : undefined
}
