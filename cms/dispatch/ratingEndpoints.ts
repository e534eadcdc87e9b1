import type { Endpoint } from 'payload'
import { clientIp, readJson, respond } from '../booking/http.ts'
import { recordParentRating } from './ratings.ts'

/** POST /api/ratings/parent: a checked-in parent rates the session by booking code and phone. */
export const parentRatingEndpoint: Endpoint = {
  path: '/parent',
  method: 'post',
  handler: respond(async (req) => ({
    status: 201,
    body: await recordParentRating(await readJson(req), { payload: req.payload, ip: clientIp(req) }),
  })),
}
