import crypto from 'node:crypto'
import { CODE_ALPHABET, CODE_LENGTH } from '../../common/booking/code.ts'

/** A random booking code: 31^8 ≈ 8.5e11 values, unguessable enough for lookup together with the phone number. */
export function generateBookingCode(): string {
  const bytes = crypto.randomBytes(CODE_LENGTH)
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')
}
