import type { Payload } from 'payload'
import type { User } from '../../payload-types.ts'

/** The collections whose drafts and scheduled publishing the dashboard lists, with the field that names a document. */
const publishable = { articles: 'title', families: 'familyName' } as const
export type PublishableSlug = keyof typeof publishable

export type WorkItem = { collection: PublishableSlug; id: number | string; title?: string; when: string }

const titleOf = (collection: PublishableSlug, doc: Record<string, unknown>) => {
  const title = doc[publishable[collection]]
  return typeof title === 'string' && title.trim() ? title : undefined
}

/** Documents whose latest version is an unpublished draft (new ones and published ones with pending changes). */
export async function unpublishedDrafts(payload: Payload, user: User): Promise<WorkItem[]> {
  const perCollection = await Promise.all(
    (Object.keys(publishable) as PublishableSlug[]).map(async (collection) => {
      const { docs } = await payload.find({
        collection,
        draft: true,
        where: { _status: { equals: 'draft' } },
        sort: '-updatedAt',
        limit: 10,
        depth: 0,
        overrideAccess: false,
        user,
      })
      return docs.map((doc) => ({
        collection,
        id: doc.id,
        title: titleOf(collection, doc as unknown as Record<string, unknown>),
        when: doc.updatedAt,
      }))
    }),
  )
  return perCollection.flat().sort((a, b) => b.when.localeCompare(a.when))
}

type ScheduleInput = {
  type?: 'publish' | 'unpublish'
  doc?: { relationTo?: string; value?: number | string }
  user?: { value?: number | string }
}
export type ScheduledItem = WorkItem & { action: 'publish' | 'unpublish' }

const isPublishable = (slug: unknown): slug is PublishableSlug => typeof slug === 'string' && slug in publishable

/**
 * Publishing and unpublishing the signed-in user scheduled that has not happened yet. Scheduled publishes are
 * Payload jobs, which no user may read; each job names who scheduled it, and only documents that user can still
 * read are listed.
 */
export async function scheduledByMe(payload: Payload, user: User, now = new Date()): Promise<ScheduledItem[]> {
  const { docs: jobs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { waitUntil: { greater_than: now.toISOString() } },
        { completedAt: { exists: false } },
      ],
    },
    sort: 'waitUntil',
    limit: 50,
    depth: 0,
    overrideAccess: true,
  })
  const mine = jobs.flatMap((job) => {
    const input = job.input as ScheduleInput
    const slug = input.doc?.relationTo
    if (String(input.user?.value) !== String(user.id) || !isPublishable(slug) || input.doc?.value == null) return []
    return [{ collection: slug, id: input.doc.value, action: input.type ?? 'publish', when: job.waitUntil ?? '' }]
  })
  const titled = await Promise.all(
    mine.map(async (item) => {
      const { docs } = await payload.find({
        collection: item.collection,
        where: { id: { equals: item.id } },
        draft: true,
        depth: 0,
        limit: 1,
        overrideAccess: false,
        user,
      })
      const doc = docs[0]
      return doc ? [{ ...item, title: titleOf(item.collection, doc as unknown as Record<string, unknown>) }] : []
    }),
  )
  return titled.flat()
}
