import type { Endpoint } from 'payload'
import { jsonService } from '../booking/http.ts'
import { recordParentRating } from './ratings.ts'

/** POST /api/ratings/parent: a checked-in parent rates the session by booking code and phone. */
export const parentRatingEndpoint: Endpoint = {
  path: '/parent',
  method: 'post',
  handler: jsonService(recordParentRating, 201),
}
