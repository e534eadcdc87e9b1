import { describe, expect, it } from 'vitest'
import {
  type Commitment,
  fitsWeeklySlots,
  judgeLecturers,
  type LecturerAvailability,
  monthLoad,
  qualifiedFreeLecturers,
  shanghai,
  shanghaiInstant,
} from '../../cms/dispatch/matching.ts'

// 2026-12-08 is a Tuesday.
const at = (day: string, from: string, to: string) => ({
  startsAt: shanghaiInstant(day, from),
  endsAt: shanghaiInstant(day, to),
})
const tuesdayAfternoon = at('2026-12-08', '14:00', '16:00')

const lecturer = (over: Partial<LecturerAvailability> = {}): LecturerAvailability => ({
  id: 1,
  name: '示例讲师甲',
  courses: [10],
  weeklySlots: [{ weekday: '2', from: '13:00', to: '17:00' }],
  blockedDays: [],
  monthlyCap: 4,
  ...over,
})
const commitment = (lecturerId: number, day: string, from: string, to: string): Commitment => ({
  lecturer: lecturerId,
  ...at(day, from, to),
})

describe('lecturer matching', () => {
  it('reads days, weekdays and times in Shanghai', () => {
    expect(shanghai(new Date('2026-12-07T16:30:00Z'))).toMatchObject({ day: '2026-12-08', weekday: 2, time: '00:30' })
  })

  it('offers only lecturers who teach the course', () => {
    const judged = judgeLecturers([lecturer(), lecturer({ id: 2, courses: [11] })], [], 10, tuesdayAfternoon)
    expect(judged.map((c) => c.reasons)).toEqual([[], ['not_qualified']])
    expect(
      qualifiedFreeLecturers([lecturer(), lecturer({ id: 2, courses: [11] })], [], 10, tuesdayAfternoon),
    ).toHaveLength(1)
  })

  it('needs the whole session inside one weekly slot of that weekday', () => {
    const slots = [{ weekday: '2', from: '13:00', to: '17:00' }]
    expect(fitsWeeklySlots(slots, tuesdayAfternoon)).toBe(true)
    expect(fitsWeeklySlots(slots, at('2026-12-08', '16:00', '18:00'))).toBe(false)
    expect(fitsWeeklySlots(slots, at('2026-12-09', '14:00', '16:00'))).toBe(false) // Wednesday
    expect(fitsWeeklySlots([], at('2026-12-09', '14:00', '16:00'))).toBe(true)
    expect(judgeLecturers([lecturer()], [], 10, at('2026-12-09', '14:00', '16:00'))[0]?.reasons).toEqual([
      'outside_weekly_slots',
    ])
  })

  it('leaves out a lecturer on a blocked date', () => {
    const judged = judgeLecturers([lecturer({ blockedDays: ['2026-12-08'] })], [], 10, tuesdayAfternoon)
    expect(judged[0]?.reasons).toEqual(['blocked_date'])
  })

  it('leaves out a lecturer already committed at an overlapping time, not at an adjacent one', () => {
    const l = lecturer()
    expect(
      judgeLecturers([l], [commitment(1, '2026-12-08', '15:00', '17:00')], 10, tuesdayAfternoon)[0]?.reasons,
    ).toEqual(['overlap'])
    expect(
      judgeLecturers([l], [commitment(1, '2026-12-08', '16:00', '17:00')], 10, tuesdayAfternoon)[0]?.reasons,
    ).toEqual([])
    // Someone else's commitment does not matter.
    expect(
      judgeLecturers([l], [commitment(2, '2026-12-08', '14:00', '16:00')], 10, tuesdayAfternoon)[0]?.reasons,
    ).toEqual([])
  })

  it('counts the load in the Shanghai month and stops at the monthly cap', () => {
    const taken = [
      commitment(1, '2026-12-01', '09:00', '10:00'),
      commitment(1, '2026-12-15', '14:00', '16:00'),
      commitment(1, '2026-11-30', '14:00', '16:00'), // November
      // 2027-01-01 00:30 in Shanghai is still 2026-12-31 in UTC: January's.
      { lecturer: 1, startsAt: new Date('2026-12-31T16:30:00Z'), endsAt: new Date('2026-12-31T17:30:00Z') },
    ]
    expect(monthLoad(taken, 1, tuesdayAfternoon.startsAt)).toBe(2)
    const [capped] = judgeLecturers([lecturer({ monthlyCap: 2 })], taken, 10, tuesdayAfternoon)
    expect(capped).toMatchObject({ load: 2, cap: 2, reasons: ['monthly_cap'] })
    expect(judgeLecturers([lecturer({ monthlyCap: 3 })], taken, 10, tuesdayAfternoon)[0]?.reasons).toEqual([])
  })

  it('lists the least loaded first', () => {
    const busy = lecturer({ id: 1, name: '甲', monthlyCap: 4 })
    const idle = lecturer({ id: 2, name: '乙', monthlyCap: 4 })
    const taken = [commitment(1, '2026-12-01', '09:00', '10:00')]
    expect(qualifiedFreeLecturers([busy, idle], taken, 10, tuesdayAfternoon).map((c) => c.id)).toEqual([2, 1])
  })
})
