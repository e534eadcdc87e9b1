import { type CollectionBeforeValidateHook, ValidationError } from 'payload'
import { completeSchedule } from '../../../lib/sessionSchedule.ts'

/** Fills an empty booking window with sensible defaults and rejects an inconsistent one. */
export const completeBookingWindow: CollectionBeforeValidateHook = ({ data, originalDoc, req, collection }) => {
  const merged = { ...originalDoc, ...data }
  const { schedule, errors } = completeSchedule(merged)
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors, req })
  return { ...data, ...schedule }
}
