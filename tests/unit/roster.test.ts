import { describe, expect, it } from 'vitest'
import { type RosterRow, rosterCsv } from '../../cms/booking/staff.ts'
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
