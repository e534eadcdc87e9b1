type Venue = { street?: string | null; community?: string | null; address?: string | null } | null | undefined

/** What an online session shows where a venue would be: its link is given once a seat is confirmed. */
export const ONLINE_PLACE = '线上（链接在报名成功后提供）'

/** "福田街道 岗厦社区 · 岗厦社区党群服务中心 3 楼": every view prints a place this way; empty when not yet known. */
export function placeText(venue: Venue): string {
  const area = [venue?.street, venue?.community].filter(Boolean).join(' ')
  return [area, venue?.address].filter(Boolean).join(' · ')
}

/** The place of a session, or ONLINE_PLACE for an online one (emails, calendar files). */
export const venueText = (venue: Venue, online: boolean): string =>
  online || !venue?.street ? ONLINE_PLACE : placeText(venue)
