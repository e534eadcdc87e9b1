/** What a session offers right now, from the build's numbers or the live ones, in the words the island shows. */
import type { Availability } from '../../cms/booking/availability.ts'
import { sessionWording } from '../../common/booking/sessionWording.ts'

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
  /** The booking window, as of the build. */
  opensAt?: string | null
  closesAt?: string | null
}

export type SessionState = {
  /** Whether the session takes a booking now; undefined: live numbers not (yet) known, the API decides on submit. */
  open: boolean | undefined
  /** Bookings go to the waitlist (no free seat, or others already waiting for one). */
  waitlist: boolean
  seatsLeft: number
  label: string
  message?: string
}

const refusalLabel: Record<NonNullable<Availability['reason']>, string> = {
  full: sessionWording.noRoom,
  not_open: sessionWording.notOpen,
  closed: sessionWording.closed,
  session_cancelled: '场次已取消',
}

/**
 * Before the live numbers arrive: the booking window is known from the build, the seats only as they were then,
 * so no number of seats is promised.
 */
function buildState(s: BookableSession, now: number): SessionState {
  const off = { open: false, waitlist: false, seatsLeft: s.seatsLeft }
  if (s.closesAt && now >= Date.parse(s.closesAt)) return { ...off, label: sessionWording.closed }
  if (s.opensAt && now < Date.parse(s.opensAt))
    return { ...off, label: sessionWording.notOpen, message: sessionWording.opensAt(s.opensAt) }
  if (s.seatsLeft > 0) return { open: undefined, waitlist: false, seatsLeft: s.seatsLeft, label: '报名中' }
  if (s.waitlistSize > 0) return { open: undefined, waitlist: true, seatsLeft: 0, label: sessionWording.waitlistOpen }
  return { ...off, label: sessionWording.noRoom }
}

export function stateOf(s: BookableSession, live: Availability | undefined, now = Date.now()): SessionState {
  if (!live) return buildState(s, now)
  const seatsLeft = Math.max(0, live.capacity - live.confirmed)
  if (!live.bookable) {
    const label = live.reason ? refusalLabel[live.reason] : '暂停报名'
    return { open: false, waitlist: false, seatsLeft, label, message: live.message }
  }
  if (seatsLeft > 0 && live.waitlisted === 0) {
    return { open: true, waitlist: false, seatsLeft, label: `剩余 ${seatsLeft} 个名额` }
  }
  const room = live.waitlistSize - live.waitlisted
  return { open: true, waitlist: true, seatsLeft, label: `${sessionWording.waitlistOpen}（候补余 ${room} 位）` }
}

/**
 * Whether a booking for `attendees` would be put on the waitlist: the session's bookings already go there, or
 * the free seats are fewer than the attendees (the API waitlists all of them rather than split the booking).
 */
export const joinsWaitlist = (state: SessionState, attendees: number) => state.waitlist || attendees > state.seatsLeft
