import type { CollectionConfig } from 'payload'
import { nobody } from '../../access/nobody.ts'

/**
 * Household keys kept for the figures when the retention job removes personal data, so "households reached"
 * counts the same before and after: a booking's keyed hash of its phone (never the number), or a holiday
 * registration's household id (removed from the registration, or deleted with an inactive household). Written by
 * the retention job only (cms/impact/households.ts); read by the figures.
 */
export const BookingHouseholds: CollectionConfig = {
  slug: 'booking-households',
  admin: { hidden: true },
  timestamps: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'booking', type: 'relationship', relationTo: 'bookings', unique: true },
    { name: 'registration', type: 'relationship', relationTo: 'holiday-registrations', unique: true },
    { name: 'household', type: 'text', required: true },
  ],
}
