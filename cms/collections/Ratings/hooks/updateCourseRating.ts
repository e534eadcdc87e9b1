import type { CollectionAfterChangeHook } from 'payload'
import { refreshCourseRating } from '../../../dispatch/ratings.ts'

/** A new rating recounts its course's count and average (shown on the course page from 5 ratings on). */
export const updateCourseRating: CollectionAfterChangeHook = async ({ doc, req }) => {
  const course = typeof doc.course === 'object' ? doc.course?.id : doc.course
  if (course) await refreshCourseRating(req.payload, course, req)
  return doc
}
