/**
 * What the site reads of each collection: the query (depth, populated relations, selected fields) and which rich
 * text becomes HTML. One definition for the build's loaders (content.config.ts via source.ts) and for pages
 * rendered on demand (published.ts, preview.ts), so an entry is shaped the same way wherever it is read.
 * Types only from Payload: this module is bundled into the build's server code.
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

export type EntryFields = {
  /** Rich-text field printed as the entry's body (`rendered.html`, shown with `render(entry)`). */
  rendered?: string
  /** Further rich-text fields, replaced in `data` by their HTML. */
  html?: string[]
  /** Level of the text's top headings: 2 when it is the page's main text, 3 (default) under a section heading. */
  topHeading?: 2 | 3
}

/**
 * Documents fetched per request; loops until the last page. Chosen on SQLite at 20,000 articles (depth 1): fewer
 * round trips than smaller pages, less memory than larger ones.
 */
export const PAGE_SIZE = 500

/** Related documents are only needed as IDs and slugs (the site resolves them against its own collections). */
const slugOnly = { slug: true } as const
export const populateRefs: PopulateType = {
  articles: slugOnly,
  topics: slugOnly,
  families: slugOnly,
  courses: slugOnly,
  lecturers: slugOnly,
  'course-categories': slugOnly,
}

export const queries = {
  articles: { depth: 1, populate: populateRefs },
  // Consent records are for editors; they are not needed (nor shown) on the site.
  families: { depth: 1, populate: populateRefs, select: { consent: false } },
  courses: { depth: 1, populate: populateRefs, joins: false },
  lecturers: { depth: 1, populate: populateRefs, joins: false },
  // 无忧假期: the programme and wave of a session as IDs (the site joins them); the cover populated.
  holidayProgrammes: { depth: 1, joins: false },
  holidayWaves: { depth: 0 },
  holidaySessions: {
    depth: 1,
    populate: { 'holiday-programmes': slugOnly, 'holiday-waves': { name: true } } as PopulateType,
    // Counts change by the second: the island reads them live, the build never stores them.
    select: { confirmedCount: false, waitlistedCount: false },
    joins: false,
  },
} satisfies Record<string, Query>

export const entryFields = {
  articles: { rendered: 'body', topHeading: 2 },
  families: { rendered: 'story' },
  courses: { rendered: 'outline' },
  'site-settings': { html: ['privacyNotice', 'minorsRules'] },
} satisfies Record<string, EntryFields>
