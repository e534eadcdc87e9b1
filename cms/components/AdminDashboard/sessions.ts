import type { Payload } from 'payload'
import type { Course, CourseSession, User } from '../../payload-types.ts'
import { dayBounds } from './days.ts'

export type SessionSummary = {
  id: CourseSession['id']
  course: string
  startsAt: string
  endsAt: string
  place: string
  status: CourseSession['status']
  capacity: number
  confirmed: number
  waitlistSize: number
  waitlisted: number
}

const placeOf = (session: CourseSession): string =>
  [session.venue?.street, session.venue?.community].filter(Boolean).join(' ') || '线上'

const summarise = (session: CourseSession): SessionSummary => {
  const course = session.course as Course | number
  return {
    id: session.id,
    course: typeof course === 'object' ? course.title : (session.title ?? ''),
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    place: placeOf(session),
    status: session.status,
    capacity: session.capacity,
    confirmed: session.confirmedCount ?? 0,
    waitlistSize: session.waitlistSize,
    waitlisted: session.waitlistedCount ?? 0,
  }
}

/** The sessions starting today and in the days after, as the signed-in user may read them. */
export async function upcomingSessions(payload: Payload, user: User, now = new Date()) {
  const { todayStart, tomorrowStart, weekEnd } = dayBounds(now)
  const { docs } = await payload.find({
    collection: 'course-sessions',
    where: {
      and: [
        { startsAt: { greater_than_equal: todayStart.toISOString() } },
        { startsAt: { less_than: weekEnd.toISOString() } },
      ],
    },
    sort: 'startsAt',
    limit: 100,
    depth: 1,
    populate: { courses: { title: true } },
    overrideAccess: false,
    user,
  })
  const sessions = docs.map(summarise)
  const isToday = (s: SessionSummary) => Date.parse(s.startsAt) < tomorrowStart.getTime()
  return { today: sessions.filter(isToday), comingDays: sessions.filter((s) => !isToday(s)) }
}
