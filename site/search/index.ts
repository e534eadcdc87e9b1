/**
 * The search index, built once per site build from the published collections (see format.ts for the format).
 * The search page passes its manifest to the island; the files go out through integration.ts.
 *
 * Documents are numbered newest first (articles and families by publication date), then courses and lecturers
 * in catalogue order, so that posting lists are in result order. A document's text is what a reader reads (its
 * summary and body, honours, lecturers, expertise …); the fields a reader searches by that are no prose (topics,
 * author, source, street, category, code) go apart into `k`, matched but never shown as a snippet.
 */

import { articleUrl, courseUrl, familyUrl, lecturerUrl } from '../../common/urls.ts'
import {
  type Article,
  articles,
  articleTopics,
  audienceLabel,
  type Course,
  categoryOf,
  courses,
  type Family,
  families,
  type Lecturer,
  lecturers,
  lecturersOf,
} from '../lib/content.ts'
import { formatLabel, honourLevelLabel, teamLabel } from '../lib/labels.ts'
import { buildSearchIndex, htmlToText, SEARCH_STAGING_ENV, type SearchIndex, writeSearchFiles } from './buildFiles.ts'
import type { SearchDoc } from './format.ts'

/** Longest text kept per document (characters); longer bodies are indexed and shown up to here. */
const MAX_TEXT = 40_000

const lines = (...parts: (string | undefined | null | false)[]) =>
  parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .join('\n')
    .slice(0, MAX_TEXT)
const joined = (parts: (string | undefined | null | false)[], sep = ' · ') =>
  parts.filter(Boolean).join(sep) || undefined

async function articleDoc(article: Article): Promise<SearchDoc> {
  const a = article.data
  const topics = (await articleTopics(article)).map((t) => t.data.name)
  return {
    t: a.title,
    u: articleUrl(a.slug),
    y: 'a',
    d: a.publishedAt,
    m: joined(topics, '、'),
    b: lines(a.summary, htmlToText(article.rendered?.html)),
    k: lines(...topics, a.author, a.sourceName),
  }
}

function familyDoc(family: Family): SearchDoc {
  const f = family.data
  return {
    t: f.familyName,
    u: familyUrl(f.slug),
    y: 'f',
    d: f.publishedAt,
    m: joined([f.street, f.community]),
    b: lines(
      f.membersSummary,
      htmlToText(family.rendered?.html),
      ...f.honours.map((h) => `${h.year}年 ${h.title}（${honourLevelLabel(h.level)}）${h.awardingBody ?? ''}`),
    ),
    k: lines(f.street, f.community),
  }
}

async function courseDoc(course: Course): Promise<SearchDoc> {
  const c = course.data
  const [category, taughtBy] = await Promise.all([categoryOf(course), lecturersOf(course)])
  return {
    t: c.title,
    u: courseUrl(c.slug),
    y: 'c',
    m: joined([c.code, category?.data.name, formatLabel(c.format)]),
    b: lines(
      c.summary,
      htmlToText(course.rendered?.html),
      taughtBy.length > 0 && `主讲：${taughtBy.map((l) => l.data.name).join('、')}`,
      `适用：${audienceLabel(course)}`,
    ),
    k: lines(category?.data.name, c.code),
  }
}

function lecturerDoc(lecturer: Lecturer): SearchDoc {
  const l = lecturer.data
  return {
    t: l.name,
    u: lecturerUrl(l.slug),
    y: 'l',
    m: teamLabel(l.team),
    b: lines(joined([l.title, l.organisation]), l.expertise.length > 0 && `擅长：${l.expertise.join('、')}`, l.bio),
  }
}

/** The documents in index order: dated newest first, then courses and lecturers in catalogue order. */
export async function searchDocs(): Promise<SearchDoc[]> {
  const [a, f, c, l] = await Promise.all([articles(), families(), courses(), lecturers()])
  const dated = [...(await Promise.all(a.map(articleDoc))), ...f.map(familyDoc)].sort((x, y) =>
    (y.d ?? '').localeCompare(x.d ?? ''),
  )
  return [...dated, ...(await Promise.all(c.map(courseDoc))), ...l.map(lecturerDoc)]
}

let cached: Promise<SearchIndex> | undefined
/**
 * Built once per build, when the search page is rendered; its files are written to the folder the search
 * integration (integration.ts) names, which moves them into the built site (or serves them in dev).
 */
export const searchIndex = (): Promise<SearchIndex> => {
  cached ??= (async () => {
    const index = buildSearchIndex(await searchDocs())
    const staging = process.env[SEARCH_STAGING_ENV]
    if (!staging) throw new Error(`${SEARCH_STAGING_ENV} is not set: add searchIntegration() to astro.config.mjs`)
    await writeSearchFiles(index, staging)
    return index
  })()
  return cached
}
