/**
 * The shapes of the site's content: zod schemas that take what Payload returns (IDs are numbers on SQLite and
 * strings on MongoDB; relations arrive as IDs or populated documents) and store plain values: string IDs, related
 * documents as ID lists (pages resolve them against the published collections, so anything unpublished drops
 * out), images ready to print. The content loaders (content.config.ts) validate every document with them, and the
 * draft preview (pages/preview) shapes a draft with the same ones. No Astro or Payload runtime here.
 */
import { z } from 'astro/zod'
import { type ChildGrade, childGrades } from '../../common/household/grades.ts'
import { ageValues, formatValues, honourLevelValues, teamValues } from '../lib/labels.ts'
import { uploadField, uploadListField } from '../lib/media.ts'

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

export const topicSchema = z.object({ id, name: z.string(), slug, description: text })

export const articleSchema = z
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

export const honourSchema = z.object({
  title: z.string(),
  level: z.enum(honourLevelValues as unknown as Values),
  year: z.number().int(),
  awardingBody: text,
})

export const familySchema = z
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
      .array(honourSchema)
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

export const categorySchema = z.object({ id, name: z.string(), slug, order: z.number(), description: text })

export const courseSchema = z.object({
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
  /** Ratings (评单) so far; the course page shows the average from 5 on. */
  ratingCount: z
    .number()
    .int()
    .nullish()
    .transform((v) => v ?? 0),
  ratingAverage: z.number().nullish(),
})

export const lecturerSchema = z.object({
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

/** Upcoming sessions only (see listUpcomingSessions); seats are as of the build. */
export const sessionSchema = z
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

export const siteSettingsSchema = z.object({
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
  /** How long personal data is kept (days): the privacy page states it. */
  retentionDays: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? 180),
})

export const homeSchema = z.object({
  heroTitle: z.string().default('福家 · 幸福家庭从这里开始'),
  heroText: text,
  announcement: text,
  featuredArticles: refs,
  featuredFamilies: refs,
})

// ---------------------------------------------------------------- 无忧假期 (holiday programmes)

const grade = z.enum(childGrades)
const nonNegative = (fallback: number) =>
  z
    .number()
    .nullish()
    .transform((v) => v ?? fallback)

export const holidayProgrammeSchema = z.object({
  id,
  title: z.string(),
  slug,
  season: text,
  year: z.number().int().nullish(),
  summary: text,
  cover: uploadField,
})

/** A wave's opening time is public (the countdown); its seats are not stored (the island asks the API). */
export const holidayWaveSchema = z.object({
  id,
  programme: ref,
  name: z.string(),
  opensAt: dateTime,
  closesAt: optionalDateTime,
  perChildCap: z.number().int().positive().nullish(),
  /** `lottery`: entries are drawn first (/holiday/lottery/); seats left open first come, first served at opensAt. */
  allocation: z
    .string()
    .nullish()
    .transform((v) => v ?? 'fcfs'),
})

/** A session as the site shows it: no seat numbers (they change; the island reads them live). */
export const holidaySessionSchema = z
  .object({
    id,
    code: z.string().min(1),
    title: z.string(),
    summary: text,
    programme: ref,
    wave: ref,
    venue: z
      .object({ street: text, community: text, address: text })
      .nullish()
      .transform((v) => v ?? {}),
    days: z
      .array(
        z.object({
          date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          startTime: z.string().regex(/^\d{2}:\d{2}$/),
          endTime: z.string().regex(/^\d{2}:\d{2}$/),
        }),
      )
      .min(1)
      .transform((days) =>
        [...days].sort((a, b) => `${a.date}${a.startTime}`.localeCompare(`${b.date}${b.startTime}`)),
      ),
    // An open end admits every grade on that side.
    gradeFrom: grade.nullish().transform((v) => v ?? childGrades[0]),
    gradeTo: grade.nullish().transform((v) => v ?? (childGrades[childGrades.length - 1] as ChildGrade)),
    capacity: z.number().int().positive(),
    price: nonNegative(0),
    bring: text,
    contact: z
      .object({ name: text, phone: text })
      .nullish()
      .transform((v) => v ?? {}),
    cover: uploadField,
    status: text,
  })
  .transform(({ code, ...s }) => ({ ...s, code, urlCode: code.toLowerCase() }))

/**
 * A published figures snapshot (impact-reports, /data/): its period, time and headline figures as frozen in the
 * snapshot; the breakdowns beyond streets are for staff and are not stored for the site.
 */
const figureValues = z.record(z.string(), z.number().nullable())
export const impactReportSchema = z.object({
  id,
  title: z.string(),
  createdAt: dateTime,
  figures: z.object({
    version: z.literal(1),
    period: z.object({ kind: z.string(), from: dateTime, to: dateTime, label: z.string(), key: z.string() }),
    generatedAt: dateTime,
    streets: z.array(z.string()).nullable(),
    sources: z.object({ orders: z.boolean(), ratings: z.boolean(), holiday: z.boolean() }),
    totals: figureValues,
    breakdowns: z.object({ street: z.array(z.object({ key: z.string(), label: z.string(), values: figureValues })) }),
  }),
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
  'holiday-programmes': holidayProgrammeSchema,
  'holiday-waves': holidayWaveSchema,
  'holiday-sessions': holidaySessionSchema,
  'impact-reports': impactReportSchema,
}
