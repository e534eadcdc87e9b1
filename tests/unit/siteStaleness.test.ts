import { describe, expect, it } from 'vitest'
import { parseEnv } from '../../cms/env.ts'
import { pageShapingSettings, sourcesFingerprint } from '../../cms/publishing/staleness.ts'

const settings = (vars: Record<string, string>) => parseEnv({ PAYLOAD_SECRET: 'x'.repeat(32), ...vars })

describe('a built site is out of date when a setting that shapes its pages changed', () => {
  it('the site address: canonical links, the feed and the sitemap name it', () => {
    const local = sourcesFingerprint(settings({}))
    expect(sourcesFingerprint(settings({}))).toBe(local)
    expect(sourcesFingerprint(settings({ SITE_URL: 'https://fujia.example.cn' }))).not.toBe(local)
    // Without SITE_URL the address follows the port.
    expect(sourcesFingerprint(settings({ PORT: '3100' }))).not.toBe(local)
  })

  it('the CMS address of a split deployment', () => {
    expect(sourcesFingerprint(settings({ CMS_URL: 'https://cms.example.cn' }))).not.toBe(
      sourcesFingerprint(settings({})),
    )
  })

  it('builds are given the same settings', () => {
    expect(pageShapingSettings(settings({ PORT: '3100' }))).toEqual({ SITE_URL: 'http://localhost:3100' })
  })
})
