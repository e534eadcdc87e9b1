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
  const given = Buffer.from(signature)
  const expected = Buffer.from(sign(payload, code))
  // Compared as bytes: a string of the same length can be longer in bytes (multibyte characters).
  const valid = given.length === expected.length && crypto.timingSafeEqual(given, expected)
  return valid ? code : undefined
}
