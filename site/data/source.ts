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
import { PAGE_SIZE, type PayloadDoc, type PayloadID, type Query, queries } from './queries.ts'
import { restFindGlobal, restFindPage } from './rest.ts'

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
  // The server's own builds read from it over loopback (SITE_CONTENT_URL), an address the public never sees.
  const base = process.env.SITE_CONTENT_URL || process.env.CMS_URL
  if (!base) throw new Error('SITE_CONTENT_SOURCE=rest needs CMS_URL (e.g. https://cms.example.cn)')
  return `${base.replace(/\/+$/, '')}/api`
}

const restSource: ContentSource = {
  findPage: (collection, query, page) => restFindPage(restBase(), collection, query, page),
  findGlobal: (slug, depth) => restFindGlobal(restBase(), slug, depth),
}

const source = (): ContentSource => (process.env.SITE_CONTENT_SOURCE === 'rest' ? restSource : localSource)

// ---------------------------------------------------------------- primitives

/**
 * Every document of a collection the public may read, page by page (never more than PAGE_SIZE in memory).
 * Ordered by ID unless asked otherwise: the pages sort for themselves, and paging by the primary key is several
 * times faster than by another column (`npm run bench -- site` at 20,000 articles shows it).
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

export const listTopics = () => findAll('topics')
export const listCourseCategories = () => findAll('course-categories')

export const listArticles = () => findAll('articles', queries.articles)
export const listFamilies = () => findAll('families', queries.families)
export const listCourses = () => findAll('courses', queries.courses)
export const listLecturers = () => findAll('lecturers', queries.lecturers)

/**
 * Documents of `collection` whose `key` relation points to a document of `parent` the public can see (an
 * unpublished course's sessions are not shown even though sessions themselves are public).
 */
async function* ofPublished(parent: string, key: string, collection: string, query: Query): AsyncGenerator<PayloadDoc> {
  const published = new Set<string>()
  for await (const doc of findAll(parent, { select: {}, joins: false })) published.add(String(doc.id))
  for await (const doc of findAll(collection, query)) {
    const related = doc[key] as PayloadID | { id: PayloadID } | null | undefined
    const relatedId = related && typeof related === 'object' ? related.id : related
    if (relatedId != null && published.has(String(relatedId))) yield doc
  }
}

/** Sessions parents can still come to: scheduled, public, starting after `now`, of a published course. */
export const listUpcomingSessions = (now: Date = new Date()) =>
  ofPublished('courses', 'course', 'course-sessions', {
    where: {
      and: [
        { status: { equals: 'scheduled' } },
        { startsAt: { greater_than: now.toISOString() } },
        // Sessions by invitation are booked through their link only, never listed.
        { or: [{ visibility: { equals: 'public' } }, { visibility: { exists: false } }] },
      ],
    },
    sort: 'startsAt',
    select: { title: false },
  })

/** 无忧假期: published programmes, their waves and sessions (a cancelled session keeps its page, marked so). */
export const listHolidayProgrammes = () => findAll('holiday-programmes', queries.holidayProgrammes)

export const listHolidayWaves = () =>
  ofPublished('holiday-programmes', 'programme', 'holiday-waves', queries.holidayWaves)
export const listHolidaySessions = () =>
  ofPublished('holiday-programmes', 'programme', 'holiday-sessions', queries.holidaySessions)

/** Figures snapshots staff published for /data/ (the page shows the latest). */
export const listPublishedFigures = () =>
  findAll('impact-reports', {
    where: { published: { equals: true } },
    sort: '-createdAt',
    select: { title: true, createdAt: true, figures: true },
  })

export const getSiteSettings = () => findGlobal('site-settings', 1)
export const getHome = () => findGlobal('home', 0)
