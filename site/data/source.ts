/**
 * Where the site's content comes from: the one module that talks to Payload.
 *
 * By default it reads through the Payload Local API (the build needs database access, not a running CMS).
 * A split deployment (site built away from the CMS) sets `SITE_CONTENT_SOURCE=rest` and `CMS_URL`, and the
 * same queries go to Payload's REST API instead. Either way the reader is ANONYMOUS: no user, access control
 * on (`overrideAccess: false`), published documents only (`draft: false`), so the collections' public read
 * rules decide what the site may show — drafts, unpublished documents and hidden fields never reach a page.
 *
 * Everything here returns raw Payload documents; shaping and validation live in the loaders (content.config.ts).
 */
import type { PopulateType, SelectType, Where } from 'payload'

export type PayloadID = string | number
export type PayloadDoc = { id: PayloadID; [key: string]: unknown }

export type Query = {
  where?: Where
  sort?: string
  depth?: number
  select?: SelectType
  populate?: PopulateType
  /** Join fields (courses → sessions, lecturers → courses) are not read: the site joins itself. */
  joins?: false
}

/**
 * Documents fetched per request; loops until the last page. Measured on SQLite at 20,000 articles (depth 1):
 * 200 per page 6.6 s, 500 per page 4.6 s, 1,000 per page 5.2 s and more memory.
 */
export const PAGE_SIZE = 500

interface ContentSource {
  findPage(collection: string, query: Query, page: number): Promise<{ docs: PayloadDoc[]; hasNextPage: boolean }>
  findGlobal(slug: string, depth: number): Promise<Record<string, unknown>>
}

// ---------------------------------------------------------------- Local API (default)

type LocalPayload = import('payload').Payload
let localPayload: Promise<LocalPayload> | undefined

const getLocalPayload = (): Promise<LocalPayload> => {
  localPayload ??= (async () => {
    const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('@payload-config')])
    return getPayload({ config })
  })()
  return localPayload
}

const localSource: ContentSource = {
  async findPage(collection, query, page) {
    const payload = await getLocalPayload()
    // The generated types key find() by collection slug; the site passes slugs as strings.
    const result = await payload.find({
      collection: collection as 'articles',
      where: query.where,
      sort: query.sort,
      depth: query.depth ?? 0,
      select: query.select,
      populate: query.populate,
      // `false` turns every join field off; the generated types only spell out per-field objects.
      joins: query.joins as undefined,
      limit: PAGE_SIZE,
      page,
      draft: false,
      overrideAccess: false,
      user: null,
    })
    return { docs: result.docs as unknown as PayloadDoc[], hasNextPage: result.hasNextPage }
  },
  async findGlobal(slug, depth) {
    const payload = await getLocalPayload()
    return (await payload.findGlobal({
      slug: slug as 'home',
      depth,
      draft: false,
      overrideAccess: false,
      user: null,
    })) as unknown as Record<string, unknown>
  },
}

// ---------------------------------------------------------------- REST (split deployment)

const restBase = (): string => {
  const base = process.env.CMS_URL
  if (!base) throw new Error('SITE_CONTENT_SOURCE=rest needs CMS_URL (e.g. https://cms.example.cn)')
  return `${base.replace(/\/+$/, '')}/api`
}

async function getJSON<T>(url: string): Promise<T> {
  // No credentials: the REST API answers as it would to any reader.
  const response = await fetch(url, { headers: { accept: 'application/json' } })
  if (!response.ok) throw new Error(`GET ${url} → ${response.status} ${response.statusText}`)
  return (await response.json()) as T
}

const restSource: ContentSource = {
  async findPage(collection, query, page) {
    const { stringify } = await import('qs-esm')
    const params = stringify(
      { ...query, depth: query.depth ?? 0, limit: PAGE_SIZE, page, draft: false },
      { addQueryPrefix: true, encode: true },
    )
    return getJSON(`${restBase()}/${collection}${params}`)
  },
  async findGlobal(slug, depth) {
    return getJSON(`${restBase()}/globals/${slug}?depth=${depth}&draft=false`)
  },
}

const source = (): ContentSource => (process.env.SITE_CONTENT_SOURCE === 'rest' ? restSource : localSource)

// ---------------------------------------------------------------- primitives

/**
 * Every document of a collection the public may read, page by page (never more than PAGE_SIZE in memory).
 * Ordered by ID unless asked otherwise: the pages sort for themselves, and paging by the primary key is several
 * times faster than by another column (20,000 articles by -publishedAt: 28 s; by id: 6.6 s).
 */
export async function* findAll(collection: string, query: Query = {}): AsyncGenerator<PayloadDoc> {
  for (let page = 1; ; page++) {
    const { docs, hasNextPage } = await source().findPage(collection, { sort: 'id', ...query }, page)
    yield* docs
    if (!hasNextPage) return
  }
}

export const findGlobal = (slug: string, depth = 1) => source().findGlobal(slug, depth)

// ---------------------------------------------------------------- per collection

/** Related documents are only needed as IDs and slugs (the site resolves them against its own collections). */
const slugOnly = { slug: true } as const
const populateRefs: PopulateType = {
  articles: slugOnly,
  topics: slugOnly,
  families: slugOnly,
  courses: slugOnly,
  lecturers: slugOnly,
  'course-categories': slugOnly,
}

export const listTopics = () => findAll('topics')
export const listCourseCategories = () => findAll('course-categories')

export const listArticles = () => findAll('articles', { depth: 1, populate: populateRefs })

export const listFamilies = () =>
  findAll('families', {
    depth: 1,
    populate: populateRefs,
    // Consent records are for editors; they are not needed (nor shown) on the site.
    select: { consent: false },
  })

export const listCourses = () => findAll('courses', { depth: 1, populate: populateRefs, joins: false })

export const listLecturers = () => findAll('lecturers', { depth: 1, populate: populateRefs, joins: false })

/**
 * Sessions parents can still come to: scheduled, starting after `now`, of a course the public can see
 * (an unpublished course's sessions are not shown even though sessions themselves are public).
 */
export async function* listUpcomingSessions(now: Date = new Date()): AsyncGenerator<PayloadDoc> {
  const publishedCourses = new Set<string>()
  for await (const course of findAll('courses', { select: {}, joins: false })) publishedCourses.add(String(course.id))
  const sessions = findAll('course-sessions', {
    where: { and: [{ status: { equals: 'scheduled' } }, { startsAt: { greater_than: now.toISOString() } }] },
    sort: 'startsAt',
    select: { title: false },
  })
  for await (const session of sessions) {
    const course = session.course as PayloadID | { id: PayloadID } | null | undefined
    const courseId = course && typeof course === 'object' ? course.id : course
    if (courseId != null && publishedCourses.has(String(courseId))) yield session
  }
}

export const getSiteSettings = () => findGlobal('site-settings', 1)
export const getHome = () => findGlobal('home', 0)
