import { describe, expect, it } from 'vitest'
import { generateBookingCode } from '../../cms/booking/code.ts'
import { CODE_ALPHABET, normaliseBookingCode } from '../../common/booking/code.ts'

describe('booking codes', () => {
  it('are 8 characters from an alphabet without look-alikes', () => {
    const codes = Array.from({ length: 500 }, generateBookingCode)
    for (const code of codes) expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/)
    expect(CODE_ALPHABET).not.toMatch(/[01IOL]/)
    expect(new Set(codes).size).toBe(codes.length)
  })
  it('accept what a parent types', () => {
    expect(normaliseBookingCode(' k7qx-m3pd ')).toBe('K7QXM3PD')
    // Full-width letters, digits, dash and space, as a Chinese input method types them.
    expect(normaliseBookingCode('ｋ７ｑｘ－ｍ３ｐｄ')).toBe('K7QXM3PD')
    expect(normaliseBookingCode('Ｋ７ＱＸ\u3000Ｍ３ＰＤ')).toBe('K7QXM3PD')
  })
})
