import type { Payload } from 'payload'

type Named = { id: number | string; title?: string; name?: string; startsAt?: string } | number | string | null

export type RatingGroup = { key: string; label: string; count: number; average: number }

const labelOf = (value: Named, fallback: string) =>
  value && typeof value === 'object' ? (value.title ?? value.name ?? value.startsAt ?? String(value.id)) : fallback

/** Ratings grouped by course, lecturer and session: count and average score, most rated first. */
export async function ratingSummary(payload: Payload) {
  const { docs } = await payload.find({
    collection: 'ratings',
    depth: 1,
    limit: 100000,
    pagination: false,
    overrideAccess: true,
    select: { course: true, lecturer: true, session: true, score: true },
    populate: { courses: { title: true }, lecturers: { name: true }, 'course-sessions': { title: true } } as never,
  })
  const by = (field: 'course' | 'lecturer' | 'session'): RatingGroup[] => {
    const groups = new Map<string, { label: string; sum: number; count: number }>()
    for (const r of docs) {
      const value = r[field] as Named
      if (value == null) continue
      const key = String(typeof value === 'object' ? value.id : value)
      const g = groups.get(key) ?? { label: labelOf(value, key), sum: 0, count: 0 }
      g.sum += r.score
      g.count++
      groups.set(key, g)
    }
    return [...groups.entries()]
      .map(([key, g]) => ({ key, label: g.label, count: g.count, average: Math.round((g.sum / g.count) * 10) / 10 }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'))
  }
  return { courses: by('course'), lecturers: by('lecturer'), sessions: by('session') }
}
