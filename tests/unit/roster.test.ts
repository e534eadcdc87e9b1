import { describe, expect, it } from 'vitest'
import { hasStarted, isSessionDay } from '../../cms/booking/sessionTiming.ts'
import { type RosterRow, rosterCsv } from '../../cms/booking/staff.ts'
import { matchesSearch } from '../../cms/components/SessionRoster/search.ts'
import { maskPhone, normalisePhone } from '../../common/phone.ts'

const row: RosterRow = {
  id: 1,
  code: 'K7QXM3PD',
  status: 'confirmed',
  statusLabel: '已确认',
  parentName: '=HYPERLINK("x")',
  phone: '138****8000',
  childAgeBand: '6–12岁',
  street: '福田街道',
  community: '岗厦社区, 北区',
  attendees: 1,
  createdAt: '2026-11-23T06:30:00.000Z',
}

describe('roster CSV', () => {
  it('starts with a BOM for Excel, quotes commas and defuses formulas', () => {
    const csv = rosterCsv([row])
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const [, line] = csv.slice(1).split('\r\n')
    expect(line).toContain(`"'=HYPERLINK(""x"")"`)
    expect(line).toContain('"岗厦社区, 北区"')
    expect(line).toContain('2026年11月23日 14:30')
  })
})

describe('phone numbers', () => {
  it('accept what parents type and reject what is not a mainland mobile', () => {
    expect(normalisePhone('+86 138 0013 8000')).toBe('13800138000')
    expect(normalisePhone('138-0013-8000')).toBe('13800138000')
    expect(normalisePhone('008613800138000')).toBe('13800138000')
    expect(normalisePhone('１３８\u3000００１３\u3000８０００')).toBe('13800138000')
    expect(normalisePhone('＋８６ １３８００１３８０００')).toBe('13800138000')
    expect(normalisePhone('12800138000')).toBeUndefined()
    expect(normalisePhone('1380013800')).toBeUndefined()
  })
  it('are masked to the first three and last four digits', () => {
    expect(maskPhone('13800138000')).toBe('138****8000')
  })
})

describe('roster search', () => {
  const parent = { ...row, parentName: '王小明', phone: '138****8000' }
  it('finds a row by part of the name, the code, or the digits the phone ends with', () => {
    expect(matchesSearch(parent, '小明')).toBe(true)
    expect(matchesSearch(parent, 'k7qx')).toBe(true)
    expect(matchesSearch(parent, '8000')).toBe(true)
    expect(matchesSearch(parent, '０００')).toBe(true) // full-width digits from a Chinese input method
    expect(matchesSearch(parent, ' ')).toBe(true)
  })
  it('leaves out rows that do not match', () => {
    expect(matchesSearch(parent, '李')).toBe(false)
    expect(matchesSearch(parent, '1380')).toBe(false) // the start of a masked number is no tail
    expect(matchesSearch(parent, '7999')).toBe(false)
  })
})

describe('session timing (Beijing time)', () => {
  // 09:00–11:00 on 16 December in Beijing.
  const session = { startsAt: '2026-12-16T01:00:00.000Z', endsAt: '2026-12-16T03:00:00.000Z' }
  it('counts the session day by the Beijing calendar, not UTC', () => {
    expect(isSessionDay(session, new Date('2026-12-15T16:30:00.000Z'))).toBe(true) // 00:30 on the 16th
    expect(isSessionDay(session, new Date('2026-12-15T15:30:00.000Z'))).toBe(false) // 23:30 on the 15th
    expect(isSessionDay(session, new Date('2026-12-16T15:59:00.000Z'))).toBe(true) // 23:59 on the 16th
    expect(isSessionDay(session, new Date('2026-12-06T01:00:00.000Z'))).toBe(false) // ten days early
  })
  it('includes every day of a session that runs over several days', () => {
    const camp = { ...session, endsAt: '2026-12-18T09:00:00.000Z' }
    expect(isSessionDay(camp, new Date('2026-12-17T04:00:00.000Z'))).toBe(true)
    expect(isSessionDay(camp, new Date('2026-12-18T16:30:00.000Z'))).toBe(false)
  })
  it('has started from its start time on', () => {
    expect(hasStarted(session, new Date('2026-12-16T00:59:00.000Z'))).toBe(false)
    expect(hasStarted(session, new Date('2026-12-16T01:00:00.000Z'))).toBe(true)
  })
})
