import { type CollectionBeforeChangeHook, Forbidden } from 'payload'
import { userStreets } from '../../../access/streetScope.ts'

/** A coordinator limited to some streets creates (or moves) sessions only in those streets. */
export const keepToOwnStreets: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const limited = userStreets(req.user as never)
  if (!limited) return data
  const street = (data?.venue as { street?: string } | undefined)?.street ?? originalDoc?.venue?.street
  if (!street || !limited.includes(street)) throw new Forbidden(req.t)
  return data
}
