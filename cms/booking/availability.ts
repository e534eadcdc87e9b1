import { sessionWording } from '../../common/booking/sessionWording.ts'
import { BookingError } from './errors.ts'

export type SessionState = {
  status: 'scheduled' | 'cancelled' | 'completed'
  capacity: number
  waitlistSize: number
  confirmedCount?: number | null
  waitlistedCount?: number | null
  startsAt: string
  bookingOpensAt?: string | null
  bookingClosesAt?: string | null
  cancelReason?: string | null
}

export type Refusal = 'not_open' | 'closed' | 'session_cancelled' | 'full'

export type Availability = {
  capacity: number
  confirmed: number
  waitlistSize: number
  waitlisted: number
  bookable: boolean
  reason?: Refusal
  message?: string
  opensAt?: string
  closesAt?: string
}

/** What a parent can do with a session right now, and why not, in words for the booking form. */
export function availabilityOf(session: SessionState, now: Date): Availability {
  const confirmed = session.confirmedCount ?? 0
  const waitlisted = session.waitlistedCount ?? 0
  const opensAt = session.bookingOpensAt ?? undefined
  const closesAt = session.bookingClosesAt ?? session.startsAt
  const base = {
    capacity: session.capacity,
    confirmed,
    waitlistSize: session.waitlistSize,
    waitlisted,
    opensAt,
    closesAt,
  }
  const refuse = (reason: Refusal, message: string): Availability => ({ ...base, bookable: false, reason, message })
  const at = now.getTime()

  if (session.status === 'cancelled')
    return refuse('session_cancelled', `该场次已取消${session.cancelReason ? `：${session.cancelReason}` : ''}`)
  if (session.status === 'completed' || Date.parse(session.startsAt) <= at)
    return refuse('closed', '该场次已开始或已结束')
  if (opensAt && at < Date.parse(opensAt)) return refuse('not_open', sessionWording.opensAt(opensAt))
  if (at >= Date.parse(closesAt)) return refuse('closed', sessionWording.closed)
  if (confirmed >= session.capacity && waitlisted >= session.waitlistSize) return refuse('full', sessionWording.noRoom)
  return { ...base, bookable: true }
}

/** The 409 for a booking the store refused: the session's state says why. */
export function refusalError(availability: Availability): BookingError {
  if (availability.reason) return new BookingError(availability.reason, availability.message ?? '当前无法报名')
  return new BookingError('full', sessionWording.notEnough)
}
