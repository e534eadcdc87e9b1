/** Every indexable page of the site, for the sitemaps (course, family and holiday filter pages are left out: they are noindex). */

import {
  articlesUrl,
  articleUrl,
  coursesUrl,
  courseUrl,
  familyListUrl,
  familyUrl,
  homeUrl,
  lecturersUrl,
  lecturerUrl,
  privacyUrl,
  topicUrl,
} from '../../common/urls.ts'
import { articles, articlesByTopic, courses, families, lecturers, topics } from './content.ts'
import { holidayProgrammeUrl, holidaySessionUrl, holidayUrl } from './holiday.ts'
import { holidayProgrammes, holidaySessions } from './holidayContent.ts'
import { PER_PAGE } from './paginate.ts'

export type SitemapEntry = { path: string; lastmod?: string }

/** URLs per sitemap file (the protocol allows 50,000). */
export const SITEMAP_SIZE = 45_000

const pageCount = (n: number) => Math.max(1, Math.ceil(n / PER_PAGE))
const numbered = (count: number, url: (page: number) => string) =>
  Array.from({ length: count }, (_, i) => ({ path: url(i + 1) }))

export async function sitemapEntries(): Promise<SitemapEntry[]> {
  const [a, t, byTopic, f, c, l, hp, hs] = await Promise.all([
    articles(),
    topics(),
    articlesByTopic(),
    families(),
    courses(),
    lecturers(),
    holidayProgrammes(),
    holidaySessions(),
  ])
  return [
    { path: homeUrl },
    ...numbered(pageCount(a.length), articlesUrl),
    ...a.map((x) => ({ path: articleUrl(x.data.slug), lastmod: x.data.updatedAt ?? x.data.publishedAt })),
    ...t.flatMap((x) => numbered(pageCount(byTopic.get(x.id)?.length ?? 0), (n) => topicUrl(x.data.slug, n))),
    ...numbered(pageCount(f.length), (n) => familyListUrl(undefined, undefined, n)),
    ...f.map((x) => ({ path: familyUrl(x.data.slug), lastmod: x.data.updatedAt ?? x.data.publishedAt })),
    { path: coursesUrl },
    ...c.map((x) => ({ path: courseUrl(x.data.slug) })),
    { path: lecturersUrl },
    ...l.map((x) => ({ path: lecturerUrl(x.data.slug) })),
    { path: holidayUrl },
    ...hp.map((x) => ({ path: holidayProgrammeUrl(x.data.slug) })),
    ...hs.map((x) => ({ path: holidaySessionUrl(x.data.code) })),
    { path: privacyUrl },
  ]
}
