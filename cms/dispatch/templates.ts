import { formatDateTime } from '../../common/dates.ts'
import { siteName } from '../booking/siteName.ts'

/**
 * Dispatch messages. Like cms/notifications/templates.ts they carry only what the platform made (course title,
 * times, the street and community names, links), never a requester's own words.
 */
export type OfferFacts = {
  courseTitle: string
  startsAt: string | Date
  endsAt: string | Date
  area: string
  expiresAt: string | Date
  link: string
}

const span = (from: string | Date, to: string | Date) => `${formatDateTime(from)}-${formatDateTime(to).slice(-5)}`

/** SMS-ready offer to a lecturer; the link opens the page where they accept or decline. */
export const renderOfferMessage = (f: OfferFacts) =>
  `【${siteName}】诚邀您主讲“${f.courseTitle}”，时间${span(f.startsAt, f.endsAt)}，地点${f.area}。请于${formatDateTime(f.expiresAt)}前答复：${f.link}`

export type DispatcherFacts = { code: string; courseTitle: string; what: 'declined' | 'expired' | 'accepted' }

/** Email to the coordinator who sent an offer, when the lecturer answered or let it expire. */
export function renderDispatcherNotice(f: DispatcherFacts): { subject: string; text: string } {
  const outcome = {
    accepted: '讲师已接受邀请，等待申请单位确认时间。',
    declined: '讲师谢绝了邀请，点单已回到“排期中”，请另选讲师。',
    expired: '讲师未在期限内答复，邀请已失效，点单已回到“排期中”，请另选讲师。',
  }[f.what]
  return {
    subject: `点单 ${f.code}：${outcome.slice(0, outcome.indexOf('，'))}`,
    text: `点单 ${f.code}（${f.courseTitle}）：${outcome}`,
  }
}

/** SMS-ready invitation to a parent who attended, to rate the session by booking code and phone. */
export const renderRateInvite = (f: { courseTitle: string; code: string; link: string }) =>
  `【${siteName}】感谢参加“${f.courseTitle}”。欢迎花一分钟为本次课程评分（报名码${f.code}）：${f.link}`
