import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'
import { calendarToken, codeFromCalendarToken } from '../../cms/booking/calendarToken.ts'

const payload = { secret: 'test-secret-test-secret-test-secret-000' } as Payload
const token = calendarToken(payload, 'K7QXM3PD')
const signature = token.split('.')[1] as string

describe('calendar tokens', () => {
  it('name the booking they were made for', () => {
    expect(codeFromCalendarToken(payload, token)).toBe('K7QXM3PD')
  })

  it.each([
    ['another code', `K7QXM3PE.${signature}`],
    ['a forged signature', 'K7QXM3PD.AAAAAAAAAAAAAAAA'],
    ['a short signature', `K7QXM3PD.${signature.slice(1)}`],
    // Same length in characters, longer in bytes: must not reach the byte comparison unequal in length.
    ['multibyte characters', `K7QXM3PD.${signature.slice(0, -1)}福`],
    ['no signature', 'K7QXM3PD'],
    ['an empty token', ''],
  ])('refuse %s', (_, forged) => {
    expect(codeFromCalendarToken(payload, forged)).toBeUndefined()
  })
})
