import fs from 'node:fs'
import path from 'node:path'
import type { PageManifest } from './pageManifest.ts'

/** Written into each build's static site: what the build was made from. */
export const STAMP_FILE = '.fujia-build.json'

export type SiteInputs = { sources: string; content: string }
export type SiteStamp = SiteInputs & {
  /** The pages it shows (patchSite.ts compares them with the published documents). */
  pages?: PageManifest
  /** A patched build: the full build's static site whose files it links to. */
  base?: string
  builtAt: string
}

export function readStamp(siteDir: string): SiteStamp | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(siteDir, STAMP_FILE), 'utf8'))
  } catch {
    return undefined
  }
}

export function stampSite(siteDir: string, stamp: Omit<SiteStamp, 'builtAt'>): void {
  fs.writeFileSync(path.join(siteDir, STAMP_FILE), JSON.stringify({ ...stamp, builtAt: new Date().toISOString() }))
}

/** The full build a static site is, or is patched over. */
export const fullBuildOf = (siteDir: string): string => readStamp(siteDir)?.base ?? siteDir
