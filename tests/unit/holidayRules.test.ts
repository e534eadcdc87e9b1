import { describe, expect, it } from 'vitest'
import {
  beijingDate,
  cancellationDeadline,
  gradeFits,
  type SessionCounts,
  seatState,
  sessionSpan,
  underCap,
} from '../../cms/holiday/rules.ts'
import { registerInput } from '../../cms/holiday/schemas.ts'

const opensAt = '2026-01-10T02:00:00.000Z' // 10:00 Beijing
const session = (over: Partial<SessionCounts> = {}): SessionCounts => ({
  status: 'scheduled',
  capacity: 30,
  waitlistSize: 5,
  confirmedCount: 0,
  waitlistedCount: 0,
  opensAt,
  closesAt: '2026-01-15T02:00:00.000Z',
  ...over,
})

describe('the opening time', () => {
  it('is not open one millisecond before 10:00:00 and open at 10:00:00', () => {
    expect(seatState(session(), new Date(Date.parse(opensAt) - 1))).toBe('not_open')
    expect(seatState(session(), new Date(opensAt))).toBe('open')
  })
  it('closes at closesAt; cancelled wins over everything', () => {
    expect(seatState(session(), new Date('2026-01-15T02:00:00.000Z'))).toBe('closed')
    expect(seatState(session({ status: 'cancelled' }), new Date(Date.parse(opensAt) - 1))).toBe('cancelled')
    expect(seatState(session({ status: 'completed' }), new Date(opensAt))).toBe('closed')
  })
})

describe('seats', () => {
  const at = new Date('2026-01-11T00:00:00.000Z')
  it('is waitlist once full and full once the waitlist is too', () => {
    expect(seatState(session({ confirmedCount: 29 }), at)).toBe('open')
    expect(seatState(session({ confirmedCount: 30 }), at)).toBe('waitlist')
    expect(seatState(session({ confirmedCount: 30, waitlistedCount: 5 }), at)).toBe('full')
  })
  it('keeps the queue: a freed seat while children wait is not offered to newcomers', () => {
    expect(seatState(session({ confirmedCount: 29, waitlistedCount: 1 }), at)).toBe('waitlist')
  })
})

describe('per-child rules', () => {
  it('allows sessions up to the wave cap and not one more', () => {
    expect(underCap(0, 2)).toBe(true)
    expect(underCap(1, 2)).toBe(true)
    expect(underCap(2, 2)).toBe(false)
  })
  it('admits grades within the range, inclusive', () => {
    expect(gradeFits('三年级', '一年级', '三年级')).toBe(true)
    expect(gradeFits('四年级', '一年级', '三年级')).toBe(false)
    expect(gradeFits('幼儿园大班', '一年级', '三年级')).toBe(false)
    expect(gradeFits('初一', null, null)).toBe(true)
    expect(gradeFits('不存在', '一年级', '三年级')).toBe(false)
  })
  it('takes one to eight items of session and child ids, nothing else', () => {
    const ok = registerInput.safeParse({ idempotencyKey: 'abcdefgh12', items: [{ session: 1, child: '2' }] })
    expect(ok.success && ok.data.items[0]).toEqual({ session: 1, child: 2 })
    expect(registerInput.safeParse({ idempotencyKey: 'abcdefgh12', items: [] }).success).toBe(false)
    const nine = Array.from({ length: 9 }, () => ({ session: 1, child: 1 }))
    expect(registerInput.safeParse({ idempotencyKey: 'abcdefgh12', items: nine }).success).toBe(false)
    expect(
      registerInput.safeParse({ idempotencyKey: 'abcdefgh12', items: [{ session: 1, child: 1, name: 'x' }] }).success,
    ).toBe(false)
  })
})

describe('days', () => {
  it('spans the first start to the last end in Beijing time, whatever the order given', () => {
    const span = sessionSpan([
      { date: '2026-01-30', startTime: '09:00', endTime: '11:30' },
      { date: '2026-01-26', startTime: '09:00', endTime: '11:30' },
    ])
    expect(span).toEqual({ startsAt: '2026-01-26T01:00:00.000Z', endsAt: '2026-01-30T03:30:00.000Z' })
  })
  it('closes cancellation the given hours before the first day, 24 by default', () => {
    expect(cancellationDeadline('2026-01-26T01:00:00.000Z')).toBe('2026-01-25T01:00:00.000Z')
    expect(cancellationDeadline('2026-01-26T01:00:00.000Z', 2)).toBe('2026-01-25T23:00:00.000Z')
  })
  it("names today's date in Beijing (UTC+8) across UTC midnight", () => {
    expect(beijingDate(new Date('2026-01-25T16:30:00.000Z'))).toBe('2026-01-26')
  })
})
