/** What a session offers right now, from the build's numbers or the live ones, in the words the island shows. */
import type { Availability } from '../../cms/booking/availability.ts'

export type BookableSession = {
  id: string
  startsAt: string
  endsAt: string
  /** common/venue.ts placeText, or empty for an online session. */
  place: string
  online: boolean
  capacity: number
  /** As of the build. */
  seatsLeft: number
  waitlistSize: number
}

export type SessionState = {
  /** undefined: live numbers not (yet) known; the API decides on submit. */
  open: boolean | undefined
  waitlist: boolean
  seatsLeft: number
  label: string
  message?: string
}

export const FULL = '已满'

const refusalLabel: Record<NonNullable<Availability['reason']>, string> = {
  full: FULL,
  not_open: '未开放报名',
  closed: '报名已截止',
  session_cancelled: '场次已取消',
}

export function stateOf(s: BookableSession, live: Availability | undefined): SessionState {
  if (!live) {
    if (s.seatsLeft > 0)
      return { open: undefined, waitlist: false, seatsLeft: s.seatsLeft, label: `剩余 ${s.seatsLeft} 个名额` }
    return {
      open: undefined,
      waitlist: s.waitlistSize > 0,
      seatsLeft: 0,
      label: s.waitlistSize > 0 ? '名额已满，可报名候补' : FULL,
    }
  }
  const seatsLeft = Math.max(0, live.capacity - live.confirmed)
  if (!live.bookable) {
    const label = live.reason ? refusalLabel[live.reason] : '暂停报名'
    return { open: false, waitlist: false, seatsLeft, label, message: live.message }
  }
  if (seatsLeft > 0 && live.waitlisted === 0) {
    return { open: true, waitlist: false, seatsLeft, label: `剩余 ${seatsLeft} 个名额` }
  }
  const room = live.waitlistSize - live.waitlisted
  return { open: true, waitlist: true, seatsLeft, label: `名额已满，可报名候补（候补余 ${room} 位）` }
}

/** The static session list's words for the seats left (site/components/SessionList.astro). */
export const seatsLeftText = (seatsLeft: number) => (seatsLeft > 0 ? `剩余 ${seatsLeft} 个` : FULL)
