import type { CollectionConfig } from 'payload'
import { nobody } from '../../access/nobody.ts'

/**
 * A booking's household key (a keyed hash of its phone, never the number), kept when the retention job removes the
 * booking's personal data, so "households reached" counts the same before and after. Written by the retention job
 * only (cms/impact/households.ts); read by the figures.
 */
export const BookingHouseholds: CollectionConfig = {
  slug: 'booking-households',
  admin: { hidden: true },
  timestamps: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'booking', type: 'relationship', relationTo: 'bookings', required: true, unique: true },
    { name: 'household', type: 'text', required: true },
  ],
}
