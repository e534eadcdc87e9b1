import type { Endpoint } from 'payload'
import { jsonService, readJson, respond } from '../../../booking/http.ts'
import { addChild, bookingsOf, deleteChild, me, sendCode, verify } from '../../../households/service.ts'
import { householdFromRequest } from '../../../households/token.ts'

/**
 * The parent-facing household API: verify a phone by SMS code, then (with the token) see and change the
 * household's children and see the phone's bookings. Every answer concerns the verified household only.
 */
export const publicHouseholdEndpoints: Endpoint[] = [
  {
    path: '/send-code',
    method: 'post',
    handler: jsonService(sendCode),
  },
  {
    path: '/verify',
    method: 'post',
    handler: jsonService(verify),
  },
  {
    path: '/me',
    method: 'get',
    handler: respond(async (req) => ({ body: await me(req.payload, await householdFromRequest(req)) })),
  },
  {
    path: '/children',
    method: 'post',
    handler: respond(async (req) => {
      const household = await householdFromRequest(req)
      return { status: 201, body: await addChild(await readJson(req), req.payload, household) }
    }),
  },
  {
    path: '/children/:id',
    method: 'delete',
    handler: respond(async (req) => ({
      body: await deleteChild(req.payload, await householdFromRequest(req), String(req.routeParams?.id ?? '')),
    })),
  },
  {
    path: '/bookings',
    method: 'get',
    handler: respond(async (req) => ({ body: await bookingsOf(req.payload, await householdFromRequest(req)) })),
  },
]
