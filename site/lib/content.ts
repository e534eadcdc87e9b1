/**
 * Read helpers for pages: sorted lists and lookups over the content collections, computed once per build
 * (memoised promises), so that 20,000 article pages do not each re-read and re-sort every collection.
 * Related documents are resolved here against the published collections: a relation to anything the public
 * cannot see simply drops out.
 */
import { getCollection, getEntry } from 'astro:content'
import type { z } from 'astro/zod'
import type { schemas } from '../data/schemas.ts'
import { topHonourOf } from './honours.ts'
import { ageLabel } from './labels.ts'

/**
 * Entries typed from the collection schemas themselves, so type-checking does not depend on the types Astro
 * generates into .astro/ (which needs a database to sync).
 */
type Name = keyof typeof schemas
type Data<N extends Name> = z.output<(typeof schemas)[N]>
type Entry<N extends Name> = { id: string; collection: N; data: Data<N>; rendered?: { html: string } }

export type Article = Entry<'articles'>
export type Topic = Entry<'topics'>
export type Family = Entry<'families'>
export type Course = Entry<'courses'>
export type Category = Entry<'course-categories'>
export type Lecturer = Entry<'lecturers'>
export type Session = Entry<'course-sessions'>
export type SiteSettings = Data<'site-settings'>
export type Home = Data<'home'>

const all = async <N extends Name>(name: N) => (await getCollection(name)) as Entry<N>[]
const one = async <N extends Name>(name: N, id: string) => {
  const entry = (await getEntry(name, id)) as Entry<N> | undefined
  if (!entry) throw new Error(`${name} was not loaded`)
  return entry.data
}

const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let cached: Promise<T> | undefined
  return () => {
    cached ??= load()
    return cached
  }
}

const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((e) => [e.id, e]))
const pick = <T>(map: Map<string, T>, ids: readonly string[]) =>
  ids.flatMap((id) => (map.has(id) ? [map.get(id) as T] : []))
const newestFirst = (a: { data: { publishedAt: string } }, b: { data: { publishedAt: string } }) =>
  b.data.publishedAt.localeCompare(a.data.publishedAt)

export const siteSettings = once(() => one('site-settings', 'site-settings'))
export const home = once(() => one('home', 'home'))

// ------------------------------------------------------------------ articles and topics

export const articles = once(async () => (await all('articles')).sort(newestFirst))
export const topics = once(async () =>
  (await all('topics')).sort((a, b) => a.data.name.localeCompare(b.data.name, 'zh-CN')),
)
const topicsById = once(async () => byId(await topics()))
export const articleTopics = async (article: Article) => pick(await topicsById(), article.data.topics)

export const articlesByTopic = once(async () => {
  const map = new Map<string, Article[]>()
  for (const article of await articles()) {
    for (const id of article.data.topics) {
      const list = map.get(id)
      if (list) list.push(article)
      else map.set(id, [article])
    }
  }
  return map
})

// ------------------------------------------------------------------ families

export const families = once(async () => (await all('families')).sort(newestFirst))
const familiesById = once(async () => byId(await families()))
export const familiesIn = async (ids: readonly string[]) => pick(await familiesById(), ids)

/** The honour a list shows for a family: the highest level, then the most recent. */
export const topHonour = (family: Family) => topHonourOf(family.data.honours)

// ------------------------------------------------------------------ courses, categories, lecturers, sessions

export const categories = once(async () =>
  (await all('course-categories')).sort(
    (a, b) => a.data.order - b.data.order || a.data.name.localeCompare(b.data.name, 'zh-CN'),
  ),
)
const categoriesById = once(async () => byId(await categories()))
export const categoryOf = async (course: Course) => (await categoriesById()).get(course.data.category)

export const courses = once(async () =>
  (await all('courses')).sort((a, b) => a.data.code.localeCompare(b.data.code, 'en', { numeric: true })),
)
const coursesById = once(async () => byId(await courses()))
export const coursesIn = async (ids: readonly string[]) => pick(await coursesById(), ids)
export const courseById = async (id: string) => (await coursesById()).get(id)

export const lecturers = once(async () =>
  (await all('lecturers')).sort((a, b) => a.data.code.localeCompare(b.data.code, 'en', { numeric: true })),
)
const lecturersById = once(async () => byId(await lecturers()))
export const lecturersOf = async (course: Course) => pick(await lecturersById(), course.data.lecturers)
export const coursesOf = async (lecturer: Lecturer) =>
  (await courses()).filter((course) => course.data.lecturers.includes(lecturer.id))

/** Upcoming sessions (scheduled, in the future, of a published course), soonest first. */
export const sessions = once(async () => {
  const published = await coursesById()
  return (await all('course-sessions'))
    .filter((s) => published.has(s.data.course))
    .sort((a, b) => a.data.startsAt.localeCompare(b.data.startsAt))
})
const sessionsByCourse = once(async () => {
  const map = new Map<string, Session[]>()
  for (const session of await sessions())
    map.set(session.data.course, [...(map.get(session.data.course) ?? []), session])
  return map
})
export const sessionsOf = async (course: Course) => (await sessionsByCourse()).get(course.id) ?? []

/** Audience as parents read it: "3–6岁、6–12岁". */
export const audienceLabel = (course: Course) => course.data.audience.map(ageLabel).join('、')

/**
 * Whether a course belongs under an age-band filter (`undefined`: no filter). Courses for all parents
 * (全体家长, value `all`) suit every age band, so they are listed under each band as well as under their own.
 */
export const matchesAge = (course: Course, age: string | undefined) =>
  !age || course.data.audience.includes(age) || course.data.audience.includes('all')
