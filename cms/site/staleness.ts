import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { rootDir } from '../paths.ts'
import { currentSiteDir } from './buildSite.ts'
import { hashSources } from './fingerprint.ts'
import type { PageManifest } from './pageManifest.ts'

const STAMP = '.fujia-build.json'
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
  const sources = hashSources([
    path.join(rootDir, 'site'),
    path.join(rootDir, 'astro.config.mjs'),
    path.join(rootDir, 'cms/lib'),
  ])
  return { sources, content: parts.join('|') }
}

export type SiteInputs = { sources: string; content: string }
/** What a build was made from, written into it: its inputs, and the pages it shows (for patchSite.ts). */
export type SiteStamp = SiteInputs & { pages?: PageManifest; builtAt: string }

export function readStamp(siteDir: string): SiteStamp | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(siteDir, STAMP), 'utf8'))
  } catch {
    return undefined
  }
}

export function isSiteCurrent(inputs: SiteInputs): boolean {
  const dir = currentSiteDir()
  const stamp = dir && readStamp(dir)
  return Boolean(stamp && stamp.sources === inputs.sources && stamp.content === inputs.content)
}

export function stampSite(siteDir: string, inputs: SiteInputs, pages?: PageManifest): void {
  const file = path.join(siteDir, STAMP)
  // A new file: a patched build shares its files with the build it copies, as hard links.
  fs.rmSync(file, { force: true })
  fs.writeFileSync(file, JSON.stringify({ ...inputs, pages, builtAt: new Date().toISOString() } satisfies SiteStamp))
}
