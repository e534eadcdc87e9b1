import type { Access, Where } from 'payload'
import { streets as districtStreets } from '../../common/district.ts'
import { userHasRole } from './roles.ts'

type MaybeUser = { roles?: readonly string[] | null; streets?: readonly string[] | null } | null | undefined

/**
 * The streets (街道妇联) a coordinator is limited to, or `null` when they handle the whole district (admins, and
 * coordinators whose `streets` is empty). Only meaningful for users who hold the coordinator role.
 */
export function userStreets(user: MaybeUser): string[] | null {
  if (!user || userHasRole(user, 'admin')) return null
  const limited = (user.streets ?? []).filter((s) => (districtStreets as readonly string[]).includes(s))
  return limited.length ? limited : null
}

/** Whether the user may handle something in `street`: district coordinators and admins anywhere, others in theirs. */
export function mayHandleStreet(user: MaybeUser, street: string | null | undefined): boolean {
  if (!userHasRole(user, 'coordinator')) return false
  const limited = userStreets(user)
  return limited === null || (street != null && limited.includes(street))
}

/** The query that limits a street-scoped coordinator to their streets' documents; `true` for the whole district. */
export function streetWhere(user: MaybeUser, streetPath: string): Where | true {
  const limited = userStreets(user)
  return limited === null ? true : { [streetPath]: { in: limited } }
}

/**
 * Coordinators (and admins) only; a coordinator limited to some streets reaches only documents whose `streetPath`
 * is one of them. Everyone else is denied.
 */
export const streetScoped =
  (streetPath: string): Access =>
  ({ req }) =>
    userHasRole(req.user, 'coordinator') ? streetWhere(req.user as MaybeUser, streetPath) : false

type ScopeRequest = {
  user?: unknown
  payload: {
    findByID: (args: {
      collection: 'course-sessions' | 'bookings'
      id: number
      depth: number
      overrideAccess: boolean
      disableErrors: boolean
    }) => Promise<unknown>
  }
}

/** Whether the signed-in coordinator handles the session's street (always, for the district and admins). */
export async function sessionInScope(req: ScopeRequest, sessionId: unknown): Promise<boolean> {
  const limited = userStreets(req.user as MaybeUser)
  if (!limited) return true
  const session = (await req.payload
    .findByID({
      collection: 'course-sessions',
      id: sessionId as number,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    .catch(() => null)) as { venue?: { street?: string | null } | null } | null
  return Boolean(session?.venue?.street && limited.includes(session.venue.street))
}

/** The same for a booking: its session's street. */
export async function bookingInScope(req: ScopeRequest, bookingId: unknown): Promise<boolean> {
  if (!userStreets(req.user as MaybeUser)) return true
  const booking = (await req.payload
    .findByID({ collection: 'bookings', id: bookingId as number, depth: 0, overrideAccess: true, disableErrors: true })
    .catch(() => null)) as { session?: unknown } | null
  const session = booking?.session
  return sessionInScope(req, session && typeof session === 'object' ? (session as { id: unknown }).id : session)
}
