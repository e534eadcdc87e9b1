import { describe, expect, it } from 'vitest'
import { availabilityOf, refusalError } from '../../cms/booking/availability.ts'
import { calendarFile } from '../../cms/booking/ics.ts'
import { bookInput, parseBody } from '../../cms/booking/schemas.ts'

const now = new Date('2026-11-23T02:00:00Z')
const open = {
  status: 'scheduled' as const,
  capacity: 10,
  waitlistSize: 5,
  confirmedCount: 3,
  waitlistedCount: 0,
  startsAt: '2026-11-30T11:30:00.000Z',
  bookingOpensAt: '2026-11-20T00:00:00.000Z',
  bookingClosesAt: '2026-11-30T11:30:00.000Z',
}

describe('availability', () => {
  it('is bookable inside the window with a seat or a waitlist place', () => {
    expect(availabilityOf(open, now)).toMatchObject({ bookable: true, confirmed: 3, capacity: 10 })
    expect(availabilityOf({ ...open, confirmedCount: 10, waitlistedCount: 4 }, now).bookable).toBe(true)
  })
  it.each([
    [{ status: 'cancelled' as const, cancelReason: '场地维修' }, 'session_cancelled', '该场次已取消：场地维修'],
    [{ bookingOpensAt: '2026-11-25T01:00:00.000Z' }, 'not_open', '报名将于 2026年11月25日 09:00 开始'],
    [{ bookingClosesAt: '2026-11-23T01:00:00.000Z' }, 'closed', '报名已截止'],
    [{ confirmedCount: 10, waitlistedCount: 5 }, 'full', '名额已满，不再接受报名'],
    [{ confirmedCount: 10, waitlistSize: 0 }, 'full', '名额已满，不再接受报名'],
    [{ startsAt: '2026-11-23T01:00:00.000Z' }, 'closed', '该场次已开始或已结束'],
  ])('refuses %o as %s', (change, reason, message) => {
    const a = availabilityOf({ ...open, ...change }, now)
    expect(a).toMatchObject({ bookable: false, reason, message })
    expect(refusalError(a)).toMatchObject({ code: reason, status: 409, message })
  })
})

describe('book input', () => {
  const valid = {
    session: 12,
    parentName: ' 王女士 ',
    phone: '+86 139 0000 0001',
    childAgeBand: '3-6',
    street: '莲花街道',
    attendees: 2,
    guardianConsent: true,
    idempotencyKey: 'a1b2c3d4e5f6g7h8',
  }
  it('normalises what a phone keyboard sends', () => {
    expect(parseBody(bookInput, valid)).toMatchObject({ parentName: '王女士', phone: '13900000001', session: 12 })
    expect(parseBody(bookInput, { ...valid, session: '12' }).session).toBe(12)
  })
  it('names the first problem in Chinese', () => {
    expect(() => parseBody(bookInput, { ...valid, guardianConsent: 'yes' })).toThrow('儿童个人信息保护规则')
    expect(() => parseBody(bookInput, [])).toThrow('请求内容应为 JSON 对象')
  })
})

describe('calendar file', () => {
  it('is an iCalendar event in Asia/Shanghai with escaped text and folded lines', () => {
    const ics = calendarFile(
      {
        uid: 'K7QXM3PD@fujia',
        title: '福家大讲堂：读懂孩子的情绪, 从倾听开始; 亲子沟通',
        startsAt: '2026-11-30T11:30:00.000Z',
        endsAt: '2026-11-30T13:00:00.000Z',
        location: '福田街道 岗厦社区 · 岗厦社区党群服务中心 3 楼活动室（示例地址）',
        description: '报名码：K7QXM3PD',
      },
      now,
    )
    expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20261130T193000')
    expect(ics).toContain('DTEND;TZID=Asia/Shanghai:20261130T210000')
    expect(ics.replace(/\r\n /g, '')).toContain('读懂孩子的情绪\\, 从倾听开始\\; 亲子沟通')
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
  })
  it('marks a waitlist place as such in the title and says it is no seat yet', () => {
    const event = {
      uid: 'K7QXM3PD@fujia',
      title: '福家大讲堂：亲子沟通',
      startsAt: '2026-11-30T11:30:00.000Z',
      endsAt: '2026-11-30T13:00:00.000Z',
      location: '线上',
      description: '报名码：K7QXM3PD',
    }
    const unfold = (ics: string) => ics.replace(/\r\n /g, '')
    const waitlisted = unfold(calendarFile({ ...event, waitlisted: true }, now))
    expect(waitlisted).toContain('SUMMARY:【候补】福家大讲堂：亲子沟通')
    expect(waitlisted).toMatch(/DESCRIPTION:候补中，尚无名额.*转正前请勿到场/)
    expect(unfold(calendarFile(event, now))).not.toContain('候补')
  })
})
