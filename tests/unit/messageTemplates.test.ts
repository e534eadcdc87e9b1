import { describe, expect, it } from 'vitest'
import { type MessageFacts, renderMessage } from '../../cms/notifications/templates.ts'

const facts: Omit<MessageFacts, 'kind'> = {
  code: 'K7QXM3PD',
  courseTitle: '家风家训润童心',
  startsAt: '2026-12-16T01:30:00.000Z',
  venue: '福田街道 岗厦社区 · 党群服务中心 3 楼',
  waitlistPosition: 2,
  myBookingUrl: 'https://fujia.example.cn/my-booking/',
}
const kinds: MessageFacts['kind'][] = ['confirmed', 'waitlisted', 'promoted', 'cancelled']

describe('messages to parents', () => {
  it.each(kinds)('%s: the signature, the course, its time and the code, and nothing else given', (kind) => {
    const text = renderMessage({ kind, ...facts })
    expect(text).toMatch(/^【福家】/)
    expect(text).toContain('家风家训润童心')
    expect(text).toContain('12月16日')
    expect(text).toContain('K7QXM3PD')
    // Fits two SMS segments: one message per event, not a letter.
    expect(text.length).toBeLessThanOrEqual(140)
  })

  it('a waitlist place is never worded as a ticket', () => {
    const text = renderMessage({ kind: 'waitlisted', ...facts })
    expect(text).toContain('候补第2位')
    expect(text).toContain('不是入场凭证')
  })
})
