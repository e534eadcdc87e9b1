import type { Access, FieldAccess } from 'payload'
import { type Role, userHasRole } from './roles.ts'

/** Allows signed-in users holding one of the roles (admins always); everyone else is denied. */
export const hasRole =
  (...wanted: Role[]): Access =>
  ({ req }) =>
    userHasRole(req.user, ...wanted)

export const fieldHasRole =
  (...wanted: Role[]): FieldAccess =>
  ({ req }) =>
    userHasRole(req.user, ...wanted)
