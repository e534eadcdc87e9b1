import { foldFullWidth } from '../text.ts'

/** Digits and capitals without look-alikes (0/O, 1/I/L), so a code read aloud or over the phone survives. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const CODE_LENGTH = 8

/** A booking code as stored: exactly CODE_LENGTH characters of CODE_ALPHABET. */
export const BOOKING_CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`)

/** Accepts what a parent types: lower case, spaces, dashes and full-width forms ("k7qx-m3pd", "ｋ７ｑｘ　ｍ３ｐｄ"). */
export const normaliseBookingCode = (input: string): string => foldFullWidth(input).replace(/[\s-]/g, '').toUpperCase()

export const isBookingCode = (code: string): boolean => BOOKING_CODE_PATTERN.test(code)

/** "K7QX M3PD": halves are easier to read aloud and to copy by eye. */
export const spacedCode = (code: string): string =>
  code.length === CODE_LENGTH ? `${code.slice(0, CODE_LENGTH / 2)} ${code.slice(CODE_LENGTH / 2)}` : code
