import { beijingDay } from '../period.ts'

/**
 * Which requests count as a reader's page view: a GET of an article, family or course page of the public site, by
 * something that is not a bot and not a browser prefetch. Browser-safe and pure, so the Node server and the nginx
 * mirror endpoint apply the same rule.
 */
const COUNTED = /^\/(articles|families|courses)\/([a-z0-9][a-z0-9-]{0,120})\/?(?:index\.html)?$/

/** The page's canonical path (`/articles/<slug>/`), or null when the request is not for a counted page. */
export function countedPath(url: string): string | null {
  const pathOnly = url.split(/[?#]/)[0] ?? ''
  let decoded: string
  try {
    decoded = decodeURIComponent(pathOnly)
  } catch {
    return null
  }
  const match = COUNTED.exec(decoded)
  return match ? `/${match[1]}/${match[2]}/` : null
}

/** User agents of crawlers, link previewers, monitors, scripts and headless browsers; an empty one counts as a bot. */
const BOT =
  /bot|crawl|spider|slurp|preview|fetch|monitor|check|scan|headless|lighthouse|pagespeed|curl|wget|python|java\/|go-http|httpclient|okhttp|axios|node|postman|facebookexternalhit|yandex|sogou|bytespider|360spider|petalbot|semrush|ahrefs|archive/i

export const isBot = (userAgent: string | null | undefined): boolean => !userAgent?.trim() || BOT.test(userAgent)

/** A request a browser makes ahead of a click the reader may never make. */
export const isPrefetch = (header: (name: string) => string | null | undefined): boolean =>
  /prefetch|prerender/i.test(`${header('sec-purpose') ?? ''} ${header('purpose') ?? ''} ${header('x-moz') ?? ''}`)

/** What one view adds: the page and the Beijing day, nothing about the reader. */
export function pageViewOf(
  request: { method?: string; url: string; header: (name: string) => string | null | undefined },
  now = new Date(),
): { path: string; day: string } | null {
  if ((request.method ?? 'GET').toUpperCase() !== 'GET') return null
  const path = countedPath(request.url)
  if (!path || isBot(request.header('user-agent')) || isPrefetch(request.header)) return null
  return { path, day: beijingDay(now) }
}
