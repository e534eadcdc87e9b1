import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { rootDir } from '../paths.ts'
import { currentSiteDir } from './buildSite.ts'
import { hashSources } from './fingerprint.ts'

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
export async function siteInputs(payload: Payload): Promise<{ sources: string; content: string }> {
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

export function isSiteCurrent(inputs: { sources: string; content: string }): boolean {
  const dir = currentSiteDir()
  if (!dir) return false
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(dir, STAMP), 'utf8'))
    return stamp.sources === inputs.sources && stamp.content === inputs.content
  } catch {
    return false
  }
}

export function stampSite(dir: string, inputs: { sources: string; content: string }): void {
  fs.writeFileSync(path.join(dir, STAMP), JSON.stringify({ ...inputs, builtAt: new Date().toISOString() }))
}
