import { formatDateTime } from '../../common/dates.ts'
import { siteName } from '../booking/siteName.ts'

export type MessageFacts = {
  kind: 'confirmed' | 'waitlisted' | 'promoted' | 'cancelled'
  parentName: string
  code: string
  courseTitle: string
  startsAt: string
  venue: string
  waitlistPosition?: number | null
  cancelReason?: string | null
  myBookingUrl: string
}

/**
 * SMS-ready text: the registered signature first, then one template per event. Kept short (a Chinese SMS
 * segment is 70 characters; long ones are split and billed per segment).
 */
export function renderMessage(f: MessageFacts): string {
  const when = formatDateTime(f.startsAt)
  const body = {
    confirmed: `${f.parentName}您好，您已报名“${f.courseTitle}”，时间${when}，地点${f.venue}，报名码${f.code}。查询或取消：${f.myBookingUrl}`,
    waitlisted: `${f.parentName}您好，“${f.courseTitle}”（${when}）名额已满，您已进入候补第${f.waitlistPosition ?? '-'}位，报名码${f.code}。有空位时将自动为您转为正式报名并短信通知。`,
    promoted: `${f.parentName}您好，您候补的“${f.courseTitle}”已有空位，现已为您转为正式报名。时间${when}，地点${f.venue}，报名码${f.code}。如不能参加请及时取消：${f.myBookingUrl}`,
    cancelled: `${f.parentName}您好，您报名的“${f.courseTitle}”（${when}）已取消${f.cancelReason ? `，原因：${f.cancelReason}` : ''}。报名码${f.code}。如有疑问请联系主办方。`,
  }[f.kind]
  return `【${siteName}】${body}`
}
