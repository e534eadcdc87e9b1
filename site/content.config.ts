/**
 * The site's content: Payload collections and globals read by the loaders in site/data (published documents,
 * anonymous access), validated and shaped by the schemas in data/schemas.ts.
 */
import { defineCollection } from 'astro:content'
import { payloadCollection, payloadGlobal } from './data/loaders.ts'
import { entryFields } from './data/queries.ts'
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

const topics = defineCollection({
  loader: payloadCollection('topics', listTopics),
  schema: topicSchema,
})

const articles = defineCollection({
  loader: payloadCollection('articles', listArticles, entryFields.articles),
  schema: articleSchema,
})

const families = defineCollection({
  loader: payloadCollection('families', listFamilies, entryFields.families),
  schema: familySchema,
})

const courseCategories = defineCollection({
  loader: payloadCollection('course-categories', listCourseCategories),
  schema: categorySchema,
})

const courses = defineCollection({
  loader: payloadCollection('courses', listCourses, entryFields.courses),
  schema: courseSchema,
})

const lecturers = defineCollection({
  loader: payloadCollection('lecturers', listLecturers),
  schema: lecturerSchema,
})

const courseSessions = defineCollection({
  loader: payloadCollection('course-sessions', () => listUpcomingSessions(new Date())),
  schema: sessionSchema,
})

const siteSettings = defineCollection({
  loader: payloadGlobal('site-settings', getSiteSettings, entryFields['site-settings']),
  schema: siteSettingsSchema,
})

const home = defineCollection({
  loader: payloadGlobal('home', getHome),
  schema: homeSchema,
})

const holidayProgrammes = defineCollection({
  loader: payloadCollection('holiday-programmes', listHolidayProgrammes),
  schema: holidayProgrammeSchema,
})

const holidayWaves = defineCollection({
  loader: payloadCollection('holiday-waves', listHolidayWaves),
  schema: holidayWaveSchema,
})

const holidaySessions = defineCollection({
  loader: payloadCollection('holiday-sessions', listHolidaySessions),
  schema: holidaySessionSchema,
})

const impactReports = defineCollection({
  loader: payloadCollection('impact-reports', listPublishedFigures),
  schema: impactReportSchema,
})

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
  'holiday-programmes': holidayProgrammes,
  'holiday-waves': holidayWaves,
  'holiday-sessions': holidaySessions,
  'impact-reports': impactReports,
}
