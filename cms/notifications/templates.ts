import { formatDateTime } from '../../common/dates.ts'
import { siteName } from '../booking/siteName.ts'
import type { SmsTemplate } from './sms.ts'

/**
 * Only values the platform made: staff-published course data, times, places and codes. Nothing a requester typed
 * (a name, a note) goes into a message under our signature, so nobody can send their own words through it, and
 * the templates are the fixed kind SMS providers approve.
 */
export type MessageFacts = {
  kind: 'confirmed' | 'waitlisted' | 'promoted' | 'cancelled'
  code: string
  courseTitle: string
  startsAt: string
  venue: string
  waitlistPosition?: number | null
  myBookingUrl: string
}

/**
 * SMS-ready text: the registered signature first, then one template per event. Kept short (a Chinese SMS
 * segment is 70 characters; long ones are split and billed per segment).
 */
export function renderMessage(f: MessageFacts): string {
  const when = formatDateTime(f.startsAt)
  const body = {
    confirmed: `您已报名“${f.courseTitle}”，时间${when}，地点${f.venue}，报名码${f.code}。查询或取消：${f.myBookingUrl}`,
    waitlisted: `“${f.courseTitle}”（${when}）名额已满，您已进入候补第${f.waitlistPosition ?? '-'}位，报名码${f.code}。这不是入场凭证；有空位时将自动转为正式报名并短信通知。`,
    promoted: `您候补的“${f.courseTitle}”已有空位，现已转为正式报名。时间${when}，地点${f.venue}，报名码${f.code}。如不能参加请及时取消：${f.myBookingUrl}`,
    cancelled: `您报名的“${f.courseTitle}”（${when}）已取消，报名码${f.code}。原因请在“我的报名”中查看：${f.myBookingUrl}`,
  }[f.kind]
  return `【${siteName}】${body}`
}

/**
 * The same message as an SMS provider's template parameters (SMS_TEMPLATE_<KIND>), in the order the texts above
 * use them; the approved template at the provider words them like renderMessage.
 */
export function messageTemplate(f: MessageFacts): SmsTemplate {
  const base = { course: f.courseTitle, time: formatDateTime(f.startsAt) }
  const params = {
    confirmed: { ...base, venue: f.venue, code: f.code, url: f.myBookingUrl },
    waitlisted: { ...base, position: String(f.waitlistPosition ?? '-'), code: f.code },
    promoted: { ...base, venue: f.venue, code: f.code, url: f.myBookingUrl },
    cancelled: { ...base, code: f.code, url: f.myBookingUrl },
  }[f.kind]
  return { name: f.kind, params }
}
