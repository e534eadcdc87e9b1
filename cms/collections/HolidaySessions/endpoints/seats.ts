import type { Endpoint } from 'payload'
import { respond } from '../../../booking/http.ts'
import { seats } from '../../../holiday/service.ts'

/**
 * GET /api/holiday-sessions/seats?ids=1,2,3 | ?wave=ID — live seats and states for the island, never cached; the
 * island sets its clock from `serverTime` (also sent as X-Server-Time, with milliseconds).
 */
export const seatsEndpoint: Endpoint = {
  path: '/seats',
  method: 'get',
  handler: async (req) => {
    const response = await respond(async () => ({
      body: await seats(Object.fromEntries(new URL(req.url ?? '', 'http://x').searchParams), req.payload),
    }))(req)
    response.headers.set('X-Server-Time', new Date().toISOString())
    return response
  },
}
