import path from 'node:path'
import type { Payload } from 'payload'
import { type Env, env } from '../env.ts'
import { hashSources } from '../lib/fingerprint.ts'
import { rootDir } from '../paths.ts'
import { currentSiteDir } from './buildDirs.ts'
import { readPageManifest } from './pageManifest.ts'
import { readStamp, type SiteInputs, type SiteStamp } from './stamp.ts'

const siteCollections = [
  'articles',
  'topics',
  'families',
  'courses',
  'course-categories',
  'course-sessions',
  'lecturers',
  'media',
] as const

/**
 * Settings that change what the pages say (canonical links, feed and sitemap URLs): a build made under other
 * values is out of date even though no content or code changed. Builds get them through their environment.
 */
export const pageShapingSettings = (settings: Env = env()): Record<string, string> => ({
  SITE_URL: settings.siteUrl,
  ...(settings.CMS_URL ? { CMS_URL: settings.CMS_URL } : {}),
})

/** The site's code and the settings that shape its pages, as one fingerprint. */
export const sourcesFingerprint = (settings: Env = env()): string =>
  `${hashSources([path.join(rootDir, 'site'), path.join(rootDir, 'astro.config.mjs'), path.join(rootDir, 'common')])}|${JSON.stringify(pageShapingSettings(settings))}`

/** What a site build depends on: the site's sources and the state of every collection and global it reads. */
export async function siteInputs(payload: Payload): Promise<SiteInputs> {
  const parts: string[] = []
  for (const collection of siteCollections) {
    const { docs, totalDocs } = await payload.find({
      collection,
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
      select: { updatedAt: true },
      overrideAccess: true,
    })
    parts.push(`${collection}:${totalDocs}:${docs[0]?.updatedAt ?? ''}`)
  }
  for (const slug of ['site-settings', 'home'] as const) {
    const global = await payload.findGlobal({ slug, depth: 0, overrideAccess: true })
    parts.push(`${slug}:${global.updatedAt ?? ''}`)
  }
  return { sources: sourcesFingerprint(), content: parts.join('|') }
}

export function isSiteCurrent(inputs: SiteInputs): boolean {
  const dir = currentSiteDir()
  const stamp = dir && readStamp(dir)
  return Boolean(stamp && stamp.sources === inputs.sources && stamp.content === inputs.content)
}

/**
 * What a build is stamped with (stamp.ts): its inputs and the pages it shows. Read before the build starts: a change
 * made while it runs makes the stamp look older, never newer, so the change is built (or patched) again.
 */
export async function buildInputs(payload: Payload): Promise<Omit<SiteStamp, 'builtAt'>> {
  const [inputs, pages] = await Promise.all([siteInputs(payload), readPageManifest(payload)])
  return { ...inputs, pages }
}
