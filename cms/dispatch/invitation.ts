import type { Endpoint } from 'payload'
import { placeText } from '../../common/venue.ts'
import { BookingError } from '../booking/errors.ts'
import { respond } from '../booking/http.ts'
import { docId, inviteToken } from '../booking/schemas.ts'
import type { Course, CourseSession } from '../payload-types.ts'

const notFound = () => new BookingError('session_not_found', '邀请链接无效或场次已取消，请向发链接的老师或社区确认')

/**
 * GET /api/course-sessions/:id/invitation?invite=… — what the invite page needs to show and book a session by
 * invitation: the course and the session, only with the session's token (no roster, no token in the answer).
 */
export const invitationEndpoint: Endpoint = {
  path: '/:id/invitation',
  method: 'get',
  handler: respond(async (req) => {
    const id = docId.safeParse(req.routeParams?.id)
    const query = req.searchParams ?? new URL(req.url ?? '', 'http://x').searchParams
    const invite = inviteToken.safeParse(query.get('invite') ?? '')
    if (!id.success || !invite.success) throw notFound()
    const { docs } = await req.payload.find({
      collection: 'course-sessions',
      where: {
        and: [
          { id: { equals: id.data } },
          { inviteToken: { equals: invite.data } },
          { status: { equals: 'scheduled' } },
          { 'course._status': { equals: 'published' } },
        ],
      },
      depth: 1,
      limit: 1,
      overrideAccess: true,
    })
    const session = docs[0] as CourseSession | undefined
    if (!session) throw notFound()
    const course = session.course as Course
    const online = course.format === 'online'
    return {
      body: {
        course: { title: course.title, code: course.code, slug: course.slug },
        session: {
          id: String(session.id),
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          place: online ? '' : placeText(session.venue),
          online,
          capacity: session.capacity,
          seatsLeft: Math.max(0, session.capacity - (session.confirmedCount ?? 0)),
          waitlistSize: session.waitlistSize ?? 0,
          opensAt: session.bookingOpensAt ?? null,
          closesAt: session.bookingClosesAt ?? null,
        },
      },
    }
  }),
}
