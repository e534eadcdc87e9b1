import { describe, expect, it } from 'vitest'
import { completeSchedule } from '../../cms/lib/sessionSchedule.ts'

const now = new Date('2026-11-23T02:00:00Z')

describe('completeSchedule', () => {
  it('fills an empty booking window: opens now, closes at the start, cancellations until 24 h before', () => {
    const { schedule, errors } = completeSchedule(
      { startsAt: '2026-12-01T11:30:00.000Z', endsAt: '2026-12-01T13:00:00.000Z' },
      now,
    )
    expect(errors).toEqual([])
    expect(schedule.bookingOpensAt).toBe(now.toISOString())
    expect(schedule.bookingClosesAt).toBe('2026-12-01T11:30:00.000Z')
    expect(schedule.cancellationDeadline).toBe('2026-11-30T11:30:00.000Z')
  })
  it('rejects an end before the start and a window closing after the start, in Chinese', () => {
    const { errors } = completeSchedule(
      {
        startsAt: '2026-12-01T11:30:00.000Z',
        endsAt: '2026-12-01T10:00:00.000Z',
        bookingClosesAt: '2026-12-02T00:00:00.000Z',
      },
      now,
    )
    expect(errors.map((e) => e.path)).toEqual(['endsAt', 'bookingClosesAt'])
    expect(errors[0]?.message).toBe('结束时间必须晚于开始时间')
  })
  it('reports missing dates instead of computing with them', () => {
    const { errors } = completeSchedule({ startsAt: '', endsAt: 'tomorrow' }, now)
    expect(errors.map((e) => e.path)).toEqual(['startsAt', 'endsAt'])
  })
})
