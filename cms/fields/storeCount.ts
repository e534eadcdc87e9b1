import type { NumberField } from 'payload'
import type { t } from '../../common/i18n.ts'
import { systemOnly } from '../access/systemOnly.ts'

/**
 * A count maintained by a store (booking, holiday registrations) in the same statement that takes or frees a seat:
 * read-only in the admin, never edited by hand.
 */
export const storeCount = (name: string, label: ReturnType<typeof t>): NumberField => ({
  name,
  type: 'number',
  defaultValue: 0,
  min: 0,
  label,
  access: { create: systemOnly, update: systemOnly },
  admin: { readOnly: true, position: 'sidebar' },
})
