import type { Access } from 'payload'
import { isStaffUser } from '../../../access/roles.ts'

/** Sessions of an unpublished course stay hidden: their titles would reveal the draft course. */
export const publishedCourseOrStaff: Access = ({ req }) =>
  isStaffUser(req.user) ? true : { 'course._status': { equals: 'published' } }
