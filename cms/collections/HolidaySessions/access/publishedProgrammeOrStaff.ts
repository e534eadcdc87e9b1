import type { Access } from 'payload'
import { isStaffUser } from '../../../access/roles.ts'

/** Waves and sessions of an unpublished programme stay hidden from the public (their titles would reveal it). */
export const publishedProgrammeOrStaff: Access = ({ req }) =>
  isStaffUser(req.user) ? true : { 'programme._status': { equals: 'published' } }
