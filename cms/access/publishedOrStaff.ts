import type { Access } from 'payload'
import { isStaffUser } from './roles.ts'

/** Staff see drafts; everyone else sees published documents only. */
export const publishedOrStaff: Access = ({ req }) =>
  isStaffUser(req.user) ? true : { _status: { equals: 'published' } }
