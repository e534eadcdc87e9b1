import type { Endpoint } from 'payload'
import { BookingError } from '../../../booking/errors.ts'
import { respond } from '../../../booking/http.ts'
import { docId } from '../../../booking/schemas.ts'
import { sessionAvailability } from '../../../booking/service.ts'

/** GET /api/course-sessions/:id/availability — live seats for the booking island. */
export const availabilityEndpoint: Endpoint = {
  path: '/:id/availability',
  method: 'get',
  handler: respond(async (req) => {
    const id = docId.safeParse(req.routeParams?.id)
    if (!id.success) throw new BookingError('session_not_found', '未找到该场次')
    return { body: await sessionAvailability(req.payload, id.data) }
  }),
}
