import { formatDateTime } from '../dates.ts'

/*
 * How a session's booking state is worded for parents. One wording wherever it is read (the static session lists,
 * the booking island, the API's refusal), so that a list never says one thing while the form says another.
 */
export const sessionWording = {
  /** No free seat; the waitlist still has room. */
  waitlistOpen: '名额已满，可报名候补',
  /** No free seat and no waitlist place (none kept, or all taken): the session takes no more bookings. */
  noRoom: '名额已满，不再接受报名',
  /** The free seats (or waitlist places) are fewer than the attendees asked for. */
  notEnough: '剩余名额不足，请减少参加人数或选择其他场次',
  notOpen: '未开放报名',
  closed: '报名已截止',
  /** "报名将于 2026年11月25日 09:00 开始" */
  opensAt: (opensAt: string) => `报名将于 ${formatDateTime(opensAt)} 开始`,
} as const
