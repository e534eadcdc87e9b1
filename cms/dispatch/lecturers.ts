import type { Payload } from 'payload'
import type { DocId } from '../booking/schemas.ts'
import type { Lecturer } from '../payload-types.ts'
import { type Commitment, type LecturerAvailability, shanghai } from './matching.ts'

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: DocId }).id : (value as DocId))

/** A lecturer's dispatch data as matching reads it. */
export function availabilityOf(lecturer: Lecturer, courses: readonly DocId[]): LecturerAvailability {
  const l = lecturer as Lecturer & {
    weeklySlots?: { weekday: string; from: string; to: string }[] | null
    blockedDates?: { date: string }[] | null
    monthlyCap?: number | null
  }
  return {
    id: l.id,
    name: l.name,
    courses,
    weeklySlots: (l.weeklySlots ?? []).map((s) => ({ weekday: s.weekday, from: s.from, to: s.to })),
    blockedDays: (l.blockedDates ?? []).map((b) => shanghai(new Date(b.date)).day),
    monthlyCap: l.monthlyCap ?? null,
  }
}

/** The course's lecturers (those who teach it) with their dispatch data. */
export async function courseLecturers(payload: Payload, courseId: DocId): Promise<LecturerAvailability[]> {
  const course = await payload.findByID({
    collection: 'courses',
    id: courseId as number,
    depth: 0,
    overrideAccess: true,
    joins: false,
  })
  const ids = ((course.lecturers ?? []) as unknown[]).map(idOf)
  if (!ids.length) return []
  const { docs } = await payload.find({
    collection: 'lecturers',
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    overrideAccess: true,
    joins: false,
  })
  return docs.map((l) => availabilityOf(l, [courseId]))
}

/** Active commitments of the lecturers that touch [from, to). */
export async function activeCommitments(
  payload: Payload,
  lecturers: readonly DocId[],
  from: Date,
  to: Date,
): Promise<Commitment[]> {
  if (!lecturers.length) return []
  const { docs } = await payload.find({
    collection: 'lecturer-commitments',
    where: {
      and: [
        { lecturer: { in: lecturers } },
        { status: { equals: 'active' } },
        { startsAt: { less_than: to.toISOString() } },
        { endsAt: { greater_than: from.toISOString() } },
      ],
    },
    depth: 0,
    limit: 10000,
    pagination: false,
    overrideAccess: true,
  })
  return docs.map((c) => ({ lecturer: idOf(c.lecturer), startsAt: new Date(c.startsAt), endsAt: new Date(c.endsAt) }))
}
