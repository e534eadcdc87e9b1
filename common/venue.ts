type Venue = { street?: string | null; community?: string | null; address?: string | null } | null | undefined

/** "福田街道 岗厦社区 · 岗厦社区党群服务中心 3 楼", or 线上 for an online session. */
export function venueText(venue: Venue, online: boolean): string {
  if (online || !venue?.street) return '线上（链接在报名成功后提供）'
  const area = [venue.street, venue.community].filter(Boolean).join(' ')
  return venue.address ? `${area} · ${venue.address}` : area
}
