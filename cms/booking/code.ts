import crypto from 'node:crypto'

/** Digits and capitals without look-alikes (0/O, 1/I/L), so a code read aloud or over the phone survives. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const CODE_LENGTH = 8

/** A random booking code: 31^8 ≈ 8.5e11 values, unguessable enough for lookup together with the phone number. */
export function generateBookingCode(): string {
  const bytes = crypto.randomBytes(CODE_LENGTH)
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')
}

/** Accepts what a parent types: lower case, spaces and dashes ("k7qx-m3pd"). */
export const normaliseBookingCode = (input: string): string => input.replace(/[\s-]/g, '').toUpperCase()
