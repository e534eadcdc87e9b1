import type { Endpoint } from 'payload'
import { BookingError } from '../../../booking/errors.ts'
import { respond } from '../../../booking/http.ts'
import { docId, inviteToken } from '../../../booking/schemas.ts'
import { sessionAvailability } from '../../../booking/service.ts'

/** GET /api/course-sessions/:id/availability[?invite=…] — live seats for the booking island. */
export const availabilityEndpoint: Endpoint = {
  path: '/:id/availability',
  method: 'get',
  handler: respond(async (req) => {
    const id = docId.safeParse(req.routeParams?.id)
    if (!id.success) throw new BookingError('session_not_found', '未找到该场次')
    const query = req.searchParams ?? new URL(req.url ?? '', 'http://x').searchParams
    // ?invite=… : an invitation session's seats, for the booking island opened from its link.
    const invite = inviteToken.safeParse(query.get('invite') ?? undefined)
    return {
      body: await sessionAvailability(req.payload, id.data, new Date(), invite.success ? invite.data : undefined),
    }
  }),
}
