import type { Access } from 'payload'

/** Operations only the system performs (hooks, jobs, migrations use overrideAccess). */
export const nobody: Access = () => false
