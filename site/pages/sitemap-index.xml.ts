import type { APIRoute } from 'astro'
import { SITEMAP_SIZE, sitemapEntries } from '../lib/sitemap.ts'
import { xml, xmlResponse } from '../lib/xml.ts'

/** Sitemap index: one sitemap-<n>.xml per SITEMAP_SIZE URLs. */
export const GET: APIRoute = async ({ site }) => {
  const files = Math.max(1, Math.ceil((await sitemapEntries()).length / SITEMAP_SIZE))
  const sitemaps = Array.from(
    { length: files },
    (_, i) => `  <sitemap><loc>${xml(new URL(`/sitemap-${i}.xml`, site).href)}</loc></sitemap>`,
  )
  return xmlResponse(`<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${sitemaps.join('\n')}
</sitemapindex>
`)
}
