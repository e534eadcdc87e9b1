import { hasRole } from './hasRole.ts'

export const isAdmin = hasRole('admin')
