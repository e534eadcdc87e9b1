export const roles = ['admin', 'editor', 'coordinator'] as const
export type Role = (typeof roles)[number]

type MaybeUser = { roles?: readonly string[] | null } | null | undefined

/** Admins hold every role: they manage users and settings and may step in anywhere. */
export const userHasRole = (user: MaybeUser, ...wanted: Role[]): boolean =>
  Boolean(user?.roles?.some((r) => r === 'admin' || (wanted as string[]).includes(r)))

export const isStaffUser = (user: MaybeUser): boolean => Boolean(user?.roles?.length)
