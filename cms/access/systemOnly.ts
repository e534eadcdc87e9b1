import type { FieldAccess } from 'payload'

/** Fields only the system writes (booking store, hooks, migrations with overrideAccess); the API cannot. */
export const systemOnly: FieldAccess = () => false
