/**
 * The site's content: Payload collections and globals read by the loaders in site/data (published documents,
 * anonymous access), validated and shaped by the schemas in data/schemas.ts.
 */
import { type BaseSchema, defineCollection } from 'astro:content'
import { payloadCollection, payloadGlobal } from './data/loaders.ts'
import { type EntryFields, entryFields, type PayloadDoc } from './data/queries.ts'
import {
  articleSchema,
  categorySchema,
  courseSchema,
  familySchema,
  holidayProgrammeSchema,
  holidaySessionSchema,
  holidayWaveSchema,
  homeSchema,
  impactReportSchema,
  lecturerSchema,
  sessionSchema,
  siteSettingsSchema,
  topicSchema,
} from './data/schemas.ts'
import {
  getHome,
  getSiteSettings,
  listArticles,
  listCourseCategories,
  listCourses,
  listFamilies,
  listHolidayProgrammes,
  listHolidaySessions,
  listHolidayWaves,
  listLecturers,
  listPublishedFigures,
  listTopics,
  listUpcomingSessions,
} from './data/source.ts'

/** A collection of the Payload collection `name`'s documents that `list` reads, each checked by `schema`. */
const fromCollection = <S extends BaseSchema>(
  name: string,
  list: () => AsyncIterable<PayloadDoc>,
  schema: S,
  fields?: EntryFields,
) => defineCollection({ loader: payloadCollection(name, list, fields), schema })

/** A one-entry collection of the Payload global `slug` that `get` reads, checked by `schema`. */
const fromGlobal = <S extends BaseSchema>(
  slug: string,
  get: () => Promise<Record<string, unknown>>,
  schema: S,
  fields?: EntryFields,
) => defineCollection({ loader: payloadGlobal(slug, get, fields), schema })

export const collections = {
  topics: fromCollection('topics', listTopics, topicSchema),
  articles: fromCollection('articles', listArticles, articleSchema, entryFields.articles),
  families: fromCollection('families', listFamilies, familySchema, entryFields.families),
  'course-categories': fromCollection('course-categories', listCourseCategories, categorySchema),
  courses: fromCollection('courses', listCourses, courseSchema, entryFields.courses),
  lecturers: fromCollection('lecturers', listLecturers, lecturerSchema),
  'course-sessions': fromCollection('course-sessions', () => listUpcomingSessions(new Date()), sessionSchema),
  'site-settings': fromGlobal('site-settings', getSiteSettings, siteSettingsSchema, entryFields['site-settings']),
  home: fromGlobal('home', getHome, homeSchema),
  'holiday-programmes': fromCollection('holiday-programmes', listHolidayProgrammes, holidayProgrammeSchema),
  'holiday-waves': fromCollection('holiday-waves', listHolidayWaves, holidayWaveSchema),
  'holiday-sessions': fromCollection('holiday-sessions', listHolidaySessions, holidaySessionSchema),
  'impact-reports': fromCollection('impact-reports', listPublishedFigures, impactReportSchema),
}
