/**
 * One published page's content read at request time over Payload's REST API, anonymously (rest.ts), and shaped
 * exactly as the build's loaders shape it (the same queries, rich-text fields and schemas). The on-demand render
 * routes (pages/render) use it to print an article or family page the way the static build would, so that one
 * published change goes live without a full build (cms/publishing/patchSite.ts); the draft preview reads the published
 * surroundings of a draft (settings, related documents) with the same helpers.
 */
import type { z } from 'astro/zod'
import { toEntryData } from './loaders.ts'
import { entryFields, type PayloadDoc, queries } from './queries.ts'
import { restFindGlobal, restFindPage } from './rest.ts'
import { articleSchema, familySchema, siteSettingsSchema } from './schemas.ts'

type Named<K extends string> = { [key in K]: string } & { slug: string }
export type SiteSettings = z.output<typeof siteSettingsSchema>
export type RelatedArticle = { slug: string; title: string; publishedAt: string }

/** How many related articles an article page lists (the newest sharing a topic with it). */
export const RELATED_ARTICLES = 4

export async function siteSettings(api: string): Promise<SiteSettings> {
  const raw = await restFindGlobal(api, 'site-settings', 1)
  return siteSettingsSchema.parse(toEntryData({ ...raw, id: 'site-settings' }, entryFields['site-settings']).data)
}

/** Published documents of `collection` with these IDs, in the order given (what a static page would link). */
export async function publishedIn<T>(api: string, collection: string, ids: string[], fields: string[]): Promise<T[]> {
  if (ids.length === 0) return []
  const select = Object.fromEntries(['slug', ...fields].map((f) => [f, true as const]))
  const { docs } = await restFindPage(api, collection, { where: { id: { in: ids } }, select }, 1, ids.length)
  const byId = new Map(docs.map((d) => [String(d.id), d as unknown as T]))
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id) as T] : []))
}

async function publishedDoc(api: string, collection: 'articles' | 'families', id: string) {
  const query = { ...queries[collection], where: { id: { equals: id } } }
  const { docs } = await restFindPage(api, collection, query, 1, 1)
  return docs[0] as PayloadDoc | undefined
}

/** The newest published articles sharing a topic with article `id`, itself excluded. */
async function relatedArticles(api: string, id: string, topics: string[]): Promise<RelatedArticle[]> {
  if (topics.length === 0) return []
  const { docs } = await restFindPage(
    api,
    'articles',
    {
      where: { and: [{ topics: { in: topics } }, { id: { not_equals: id } }] },
      sort: '-publishedAt',
      select: { slug: true, title: true, publishedAt: true, createdAt: true },
    },
    1,
    RELATED_ARTICLES,
  )
  return docs.map((d) => ({
    slug: String(d.slug),
    title: String(d.title),
    publishedAt: String(d.publishedAt ?? d.createdAt),
  }))
}

type Article = z.output<typeof articleSchema>
export type ArticleLinks = {
  topics: Named<'name'>[]
  families: Named<'familyName'>[]
  courses: (Named<'title'> & { code: string })[]
}

/** The published topics, families and courses an article links to, in its order. */
export async function articleLinks(api: string, article: Article): Promise<ArticleLinks> {
  const [topics, families, courses] = await Promise.all([
    publishedIn<Named<'name'>>(api, 'topics', article.topics, ['name']),
    publishedIn<Named<'familyName'>>(api, 'families', article.relatedFamilies, ['familyName']),
    publishedIn<Named<'title'> & { code: string }>(api, 'courses', article.relatedCourses, ['title', 'code']),
  ])
  return { topics, families, courses }
}

export type ArticlePageContent = ArticleLinks & {
  settings: SiteSettings
  article: { id: string; data: Article }
  html: string
  related: RelatedArticle[]
}

/** What the page of published article `id` shows, or undefined when the public cannot see that article. */
export async function publishedArticle(api: string, id: string): Promise<ArticlePageContent | undefined> {
  const doc = await publishedDoc(api, 'articles', id)
  if (!doc) return undefined
  const { data, html = '' } = toEntryData(doc, entryFields.articles)
  const article = articleSchema.parse(data)
  const [settings, links, related] = await Promise.all([
    siteSettings(api),
    articleLinks(api, article),
    relatedArticles(api, article.id, article.topics),
  ])
  return { settings, article: { id: article.id, data: article }, html, ...links, related }
}

export type FamilyPageContent = {
  settings: SiteSettings
  family: z.output<typeof familySchema>
  html: string
}

/** What the page of published family `id` shows, or undefined when the public cannot see that family. */
export async function publishedFamily(api: string, id: string): Promise<FamilyPageContent | undefined> {
  const doc = await publishedDoc(api, 'families', id)
  if (!doc) return undefined
  const { data, html = '' } = toEntryData(doc, entryFields.families)
  return { settings: await siteSettings(api), family: familySchema.parse(data), html }
}
