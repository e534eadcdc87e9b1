import type { Access } from 'payload'
import { userHasRole } from '../../../access/roles.ts'
import { streetWhere } from '../../../access/streetScope.ts'

/**
 * Sessions of an unpublished course stay hidden: their titles would reveal the draft course. Sessions by invitation
 * (a school class's own session) are never listed publicly either; they are booked through their invite link.
 * A coordinator limited to some streets sees those streets' sessions.
 */
export const publishedCourseOrStaff: Access = ({ req }) => {
  if (userHasRole(req.user, 'coordinator')) return streetWhere(req.user, 'venue.street')
  if (req.user?.roles?.length) return true
  return {
    and: [
      { 'course._status': { equals: 'published' } },
      { or: [{ visibility: { equals: 'public' } }, { visibility: { exists: false } }] },
    ],
  }
}
