import type { CollectionConfig } from 'payload'
import { nobody } from '../../access/nobody.ts'

/** Fixed-window request counters shared by every server process (one row per key and window). */
export const RateLimits: CollectionConfig = {
  slug: 'rate-limits',
  admin: { hidden: true },
  // Written on every public request: no timestamp columns or indexes beyond the one the upsert needs, so a
  // booking's transaction writes as few pages as possible.
  timestamps: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['key', 'windowStart'], unique: true }],
  fields: [
    { name: 'key', type: 'text', required: true },
    { name: 'windowStart', type: 'text', required: true },
    { name: 'count', type: 'number', required: true, defaultValue: 0 },
  ],
}
