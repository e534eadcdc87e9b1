import type { CollectionConfig } from 'payload'
import { nobody } from '../../access/nobody.ts'

/**
 * Attempt counters for sign-ins and password-reset requests (cms/auth/throttle.ts), one row per keyed hash of a
 * client address or an email. In the database, not in memory, so every server process counts the same failures.
 */
export const AuthThrottles: CollectionConfig = {
  slug: 'auth-throttles',
  admin: { hidden: true },
  timestamps: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'count', type: 'number', required: true, defaultValue: 0 },
    // Milliseconds since the epoch: compared for equality in conditional updates, which a number does exactly.
    { name: 'lastAt', type: 'number', required: true, defaultValue: 0 },
    { name: 'expiresAt', type: 'number', required: true, index: true },
  ],
}
