import { describe, expect, it } from 'vitest'
import { firstResponseDue, shanghaiDate } from '../../cms/orders/workingDays.ts'

const at = (text: string) => new Date(text)

describe('first response due date on the official working-day calendar', () => {
  it('skips the National Day holiday of 2026 and counts the 调休 Saturday as a working day', () => {
    // Wednesday 30 September 2026, 16:00 in Beijing: 1–7 October are holidays, Thursday 8 and Friday 9 are working
    // days, Saturday 10 October is a make-up working day.
    const due = firstResponseDue(at('2026-09-30T16:00:00+08:00'), 3)
    expect(shanghaiDate(due)).toBe('2026-10-10')
    expect(due.toISOString()).toBe('2026-10-10T15:59:59.999Z')
  })

  it('counts a 调休 Sunday before the holiday (20 September 2026) as a working day', () => {
    // Saturday 19 September: the next working day is the make-up Sunday, then Monday 21.
    expect(shanghaiDate(firstResponseDue(at('2026-09-19T10:00:00+08:00'), 1))).toBe('2026-09-20')
    expect(shanghaiDate(firstResponseDue(at('2026-09-19T10:00:00+08:00'), 2))).toBe('2026-09-21')
  })

  it('skips an ordinary weekend', () => {
    // Friday 4 December 2026 → Monday 7, Tuesday 8.
    expect(shanghaiDate(firstResponseDue(at('2026-12-04T09:00:00+08:00'), 2))).toBe('2026-12-08')
  })

  it('takes the date in Beijing, not in UTC', () => {
    // 23:30 UTC on Sunday 4 October is 07:30 on Monday 5 October in Beijing: still the holiday, due 8 October.
    expect(shanghaiDate(firstResponseDue(at('2026-10-04T23:30:00Z'), 1))).toBe('2026-10-08')
  })
})
