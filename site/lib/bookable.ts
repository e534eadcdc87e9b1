/**
 * Which sessions take bookings, as the build sees them, and the words lists and cards show for them. Static pages
 * never promise seats: they say whether booking is open, opens later or is over; the booking island reads the
 * live numbers from the API.
 */
import { sessionWording } from '../../common/booking/sessionWording.ts'
import { formatDate } from '../../common/dates.ts'
import { type Course, categoryOf, courses, type Session, sessionsOf } from './content.ts'

export type Offer =
  | { state: 'open' }
  /** No seat left at build time, but the session keeps a waitlist. */
  | { state: 'waitlist' }
  | { state: 'opens-later'; opensAt: string }
  | { state: 'closed' }
  /** No seat left and no waitlist. */
  | { state: 'full' }

const builtAt = Date.now()

export function offerOf(session: Session['data'], now = builtAt): Offer {
  const closesAt = session.bookingClosesAt ?? session.startsAt
  if (now >= Date.parse(closesAt)) return { state: 'closed' }
  if (session.bookingOpensAt && now < Date.parse(session.bookingOpensAt))
    return { state: 'opens-later', opensAt: session.bookingOpensAt }
  if (session.seatsLeft > 0) return { state: 'open' }
  return session.waitlistSize > 0 ? { state: 'waitlist' } : { state: 'full' }
}

/** A session a parent can book now (a seat or a waitlist place) or once its booking opens. */
export const takesBookings = (offer: Offer) => offer.state !== 'closed' && offer.state !== 'full'

/** The state of a session's booking in a list: no seat numbers, which the build cannot vouch for. */
export function offerText(offer: Offer): string {
  switch (offer.state) {
    case 'open':
      return '报名中'
    case 'waitlist':
      return sessionWording.waitlistOpen
    case 'opens-later':
      return sessionWording.opensAt(offer.opensAt)
    case 'closed':
      return sessionWording.closed
    case 'full':
      return sessionWording.noRoom
  }
}

/** "12月16日": the year goes without saying on a card about the coming weeks. */
const shortDate = (value: string) => formatDate(value).replace(/^\d+年/, '')

/** A card's mark for its next bookable session: "可报名 · 12月16日", "12月10日起可报名 · 12月16日开课". */
export function offerBadge(session: Session): string {
  const offer = offerOf(session.data)
  const day = shortDate(session.data.startsAt)
  if (offer.state === 'opens-later') return `${shortDate(offer.opensAt)}起可报名 · ${day}开课`
  return `${offer.state === 'waitlist' ? '可候补' : '可报名'} · ${day}`
}

/** The soonest session of the course that takes bookings, if any. */
export const nextBookableSession = async (course: Course): Promise<Session | undefined> =>
  (await sessionsOf(course)).find((s) => takesBookings(offerOf(s.data)))

export const bookableCourses = async (): Promise<Course[]> => {
  const all = await courses()
  const next = await Promise.all(all.map(nextBookableSession))
  return all.filter((_, i) => next[i])
}

/**
 * Bookable courses a parent may take instead of one without sessions: the same category first, then the same
 * audience, each in catalogue order.
 */
export async function bookableAlternatives(course: Course, limit = 3): Promise<Course[]> {
  const category = (await categoryOf(course))?.id
  const others = (await bookableCourses()).filter((c) => c.id !== course.id)
  const sameCategory = others.filter((c) => c.data.category === category)
  const sameAudience = others.filter(
    (c) => c.data.category !== category && c.data.audience.some((age) => course.data.audience.includes(age)),
  )
  return [...sameCategory, ...sameAudience].slice(0, limit)
}
