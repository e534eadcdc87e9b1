import type { Access } from 'payload'
import { userHasRole } from './roles.ts'

/** Admins reach every account; other staff only their own. */
export const selfOrAdmin: Access = ({ req }) => {
  if (!req.user) return false
  return userHasRole(req.user, 'admin') ? true : { id: { equals: req.user.id } }
}
