import type { Payload } from 'payload'
import { articleUrl, familyUrl } from '../../common/urls.ts'

/** The collections whose documents each have one page of their own, which a publish can patch in alone. */
export const pageCollections = ['articles', 'families'] as const
export type PageCollection = (typeof pageCollections)[number]

/** What of each such page the site shows: per collection, document ID → its slug and last change. */
export type PageManifest = Record<PageCollection, Record<string, { slug: string; updatedAt: string }>>

/** A page to put right: render it anew (`render`), and take it off its previous path first (`from`) if it had one. */
export type PageChange = { collection: PageCollection; id: string; render: boolean; from?: string }

const pageUrl: Record<PageCollection, (slug: string) => string> = { articles: articleUrl, families: familyUrl }
export const pagePathOf = (collection: PageCollection, slug: string): string => pageUrl[collection](slug)

/** The published pages as the public sees them now: read anonymously, as the site build reads its content. */
export async function readPageManifest(payload: Payload): Promise<PageManifest> {
  const manifest = {} as PageManifest
  for (const collection of pageCollections) {
    const { docs } = await payload.find({
      collection,
      draft: false,
      overrideAccess: false,
      user: null,
      depth: 0,
      pagination: false,
      select: { slug: true, updatedAt: true },
    })
    manifest[collection] = Object.fromEntries(
      docs.map((d) => [String(d.id), { slug: String(d.slug), updatedAt: String(d.updatedAt) }]),
    )
  }
  return manifest
}

/** What changed between the pages a build shows (`built`) and the published documents now (`now`). */
export function pageChanges(built: PageManifest, now: PageManifest): PageChange[] {
  const changes: PageChange[] = []
  for (const collection of pageCollections) {
    const before = built[collection] ?? {}
    const after = now[collection] ?? {}
    for (const [id, page] of Object.entries(after)) {
      const was = before[id]
      if (was?.updatedAt === page.updatedAt && was.slug === page.slug) continue
      changes.push({ collection, id, render: true, from: was && pagePathOf(collection, was.slug) })
    }
    for (const [id, was] of Object.entries(before))
      if (!(id in after)) changes.push({ collection, id, render: false, from: pagePathOf(collection, was.slug) })
  }
  return changes
}
