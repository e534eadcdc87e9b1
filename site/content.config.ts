/**
 * The site's content: Payload collections and globals read by the loaders in site/data (published documents,
 * anonymous access), validated and shaped by the schemas below. The schemas take what Payload returns (IDs are
 * numbers on SQLite and strings on MongoDB; relations arrive as IDs or populated documents) and store plain
 * values: string IDs, related documents as ID lists (pages resolve them against these same collections, so
 * anything unpublished drops out), images ready to print.
 */
import { defineCollection } from 'astro:content'
import { z } from 'astro/zod'
import { payloadCollection, payloadGlobal } from './data/loaders.ts'
import {
  getHome,
  getSiteSettings,
  listArticles,
  listCourseCategories,
  listCourses,
  listFamilies,
  listLecturers,
  listTopics,
  listUpcomingSessions,
} from './data/source.ts'
import { ageValues, formatValues, honourLevelValues, teamValues } from './lib/labels.ts'
import { uploadField, uploadListField } from './lib/media.ts'

type Values = readonly [string, ...string[]]

const id = z.union([z.string().min(1), z.number()]).transform(String)
/** A relationship as Payload returns it: an ID, or the populated document. */
const ref = z
  .union([z.string().min(1), z.number(), z.looseObject({ id })])
  .transform((v) => (typeof v === 'object' ? String(v.id) : String(v)))
const refs = z
  .array(ref.nullish())
  .nullish()
  .transform((list) => (list ?? []).filter((v): v is string => Boolean(v)))
const text = z
  .string()
  .nullish()
  .transform((v) => v?.trim() || undefined)
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase ASCII slug')
const dateTime = z.iso.datetime({ offset: true })
const optionalDateTime = dateTime.nullish().transform((v) => v ?? undefined)
const html = z.string()

const seo = z
  .object({ title: text, description: text, image: uploadField })
  .nullish()
  .transform((v) => v ?? {})

const topicSchema = z.object({ id, name: z.string(), slug, description: text })

const topics = defineCollection({
  loader: payloadCollection('topics', listTopics),
  schema: topicSchema,
})

const articleSchema = z
  .object({
    id,
    title: z.string(),
    slug,
    publishedAt: optionalDateTime,
    createdAt: dateTime,
    updatedAt: optionalDateTime,
    summary: z.string(),
    cover: uploadField,
    topics: refs,
    author: text,
    origin: z.enum(['original', 'reprint']),
    sourceName: text,
    sourceUrl: z
      .url({ protocol: /^https?$/ })
      .nullish()
      .transform((v) => v ?? undefined),
    relatedFamilies: refs,
    relatedCourses: refs,
    seo,
  })
  .transform(({ createdAt, publishedAt, ...article }) => ({ ...article, publishedAt: publishedAt ?? createdAt }))

const articles = defineCollection({
  loader: payloadCollection('articles', listArticles, { rendered: 'body', topHeading: 2 }),
  schema: articleSchema,
})

const honour = z.object({
  title: z.string(),
  level: z.enum(honourLevelValues as unknown as Values),
  year: z.number().int(),
  awardingBody: text,
})

const familySchema = z
  .object({
    id,
    familyName: z.string(),
    slug,
    publishedAt: optionalDateTime,
    createdAt: dateTime,
    updatedAt: optionalDateTime,
    street: z.string(),
    community: text,
    membersSummary: text,
    honours: z
      .array(honour)
      .nullish()
      .transform((v) => v ?? []),
    photos: uploadListField,
    featured: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false),
    seo,
  })
  .transform(({ createdAt, publishedAt, ...family }) => ({ ...family, publishedAt: publishedAt ?? createdAt }))

const families = defineCollection({
  loader: payloadCollection('families', listFamilies, { rendered: 'story' }),
  schema: familySchema,
})

const categorySchema = z.object({ id, name: z.string(), slug, order: z.number(), description: text })

const courseCategories = defineCollection({
  loader: payloadCollection('course-categories', listCourseCategories),
  schema: categorySchema,
})

const courseSchema = z.object({
  id,
  code: z.string(),
  title: z.string(),
  slug,
  category: ref,
  format: z.enum(formatValues as unknown as Values),
  durationMinutes: z.number().int().positive(),
  audience: z.array(z.enum(ageValues as unknown as Values)),
  summary: z.string(),
  lecturers: refs,
  cover: uploadField,
})

const courses = defineCollection({
  loader: payloadCollection('courses', listCourses, { rendered: 'outline' }),
  schema: courseSchema,
})

const lecturerSchema = z.object({
  id,
  code: z.string(),
  name: z.string(),
  slug,
  team: z.enum(teamValues as unknown as Values),
  photo: uploadField,
  title: text,
  organisation: text,
  expertise: z
    .array(z.string())
    .nullish()
    .transform((v) => (v ?? []).map((s) => s.trim()).filter(Boolean)),
  bio: text,
})

const lecturers = defineCollection({
  loader: payloadCollection('lecturers', listLecturers),
  schema: lecturerSchema,
})

/** Upcoming sessions only (see listUpcomingSessions); seats are as of the build. */
const sessionSchema = z
  .object({
    id,
    course: ref,
    startsAt: dateTime,
    endsAt: dateTime,
    venue: z
      .object({ street: text, community: text, address: text })
      .nullish()
      .transform((v) => v ?? {}),
    capacity: z.number().int().positive(),
    waitlistSize: z
      .number()
      .int()
      .nullish()
      .transform((v) => v ?? 0),
    bookingOpensAt: optionalDateTime,
    bookingClosesAt: optionalDateTime,
    cancellationDeadline: optionalDateTime,
    status: z.literal('scheduled'),
    confirmedCount: z
      .number()
      .int()
      .nullish()
      .transform((v) => v ?? 0),
  })
  .transform((s) => ({ ...s, seatsLeft: Math.max(0, s.capacity - s.confirmedCount) }))

const courseSessions = defineCollection({
  loader: payloadCollection('course-sessions', () => listUpcomingSessions(new Date())),
  schema: sessionSchema,
})

const siteSettingsSchema = z.object({
  siteName: z.string().default('福家'),
  tagline: text,
  organisation: text,
  contact: z
    .object({ phone: text, email: text, address: text })
    .nullish()
    .transform((v) => v ?? {}),
  icpNumber: text,
  policeFilingNumber: text,
  isSampleContent: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  privacyPolicyVersion: text,
  privacyNotice: html,
  minorsRules: html,
})

const siteSettings = defineCollection({
  loader: payloadGlobal('site-settings', getSiteSettings, { html: ['privacyNotice', 'minorsRules'] }),
  schema: siteSettingsSchema,
})

const homeSchema = z.object({
  heroTitle: z.string().default('福家 · 幸福家庭从这里开始'),
  heroText: text,
  announcement: text,
  featuredArticles: refs,
  featuredFamilies: refs,
})

const home = defineCollection({
  loader: payloadGlobal('home', getHome),
  schema: homeSchema,
})

/** The schemas by collection, for typing entries without Astro's generated types (see lib/content.ts). */
export const schemas = {
  topics: topicSchema,
  articles: articleSchema,
  families: familySchema,
  'course-categories': categorySchema,
  courses: courseSchema,
  lecturers: lecturerSchema,
  'course-sessions': sessionSchema,
  'site-settings': siteSettingsSchema,
  home: homeSchema,
}

export const collections = {
  topics,
  articles,
  families,
  'course-categories': courseCategories,
  courses,
  lecturers,
  'course-sessions': courseSessions,
  'site-settings': siteSettings,
  home,
}
