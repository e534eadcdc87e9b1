import type { CollectionBeforeChangeHook } from 'payload'
import { formatDateTime } from '../../../../common/dates.ts'

/** A readable title for admin lists and relationship pickers: "FJ-012 读懂孩子的情绪 · 2026年11月23日 14:30". */
export const setSessionTitle: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const courseRef = data.course ?? originalDoc?.course
  const courseId = typeof courseRef === 'object' && courseRef ? courseRef.id : courseRef
  const startsAt = data.startsAt ?? originalDoc?.startsAt
  if (!courseId || !startsAt) return data
  const course = await req.payload.findByID({
    collection: 'courses',
    id: courseId,
    depth: 0,
    // The published course: a title saved as a draft must not reach the public through its sessions.
    draft: false,
    overrideAccess: true,
    req,
    select: { code: true, title: true },
  })
  return { ...data, title: `${course.code} ${course.title} · ${formatDateTime(startsAt)}` }
}
