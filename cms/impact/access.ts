import type { PayloadRequest } from 'payload'
import { isStaffUser } from '../access/roles.ts'
import { userStreets } from '../access/streetScope.ts'
import { ImpactError } from './errors.ts'

type MaybeUser = { roles?: readonly string[] | null; streets?: readonly string[] | null } | null | undefined

/** Staff only (any role); street-scoped coordinators see their streets' figures, everyone else the district's. */
export function figuresScope(user: MaybeUser): { allowed: boolean; streets: string[] | null } {
  if (!isStaffUser(user)) return { allowed: false, streets: null }
  const scoped = user?.roles?.includes('admin') || user?.roles?.includes('editor') ? null : userStreets(user)
  return { allowed: true, streets: scoped }
}

export function requireStaff(req: PayloadRequest) {
  const scope = figuresScope(req.user as MaybeUser)
  if (!scope.allowed) throw new ImpactError('forbidden', '只有工作人员可以查看数据统计')
  return scope
}
