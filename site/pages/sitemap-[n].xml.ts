import type { APIRoute, GetStaticPaths } from 'astro'
import { SITEMAP_SIZE, sitemapEntries } from '../lib/sitemap.ts'
import { xml, xmlResponse } from '../lib/xml.ts'

export const getStaticPaths = (async () => {
  const files = Math.max(1, Math.ceil((await sitemapEntries()).length / SITEMAP_SIZE))
  return Array.from({ length: files }, (_, n) => ({ params: { n: String(n) } }))
}) satisfies GetStaticPaths

export const GET: APIRoute = async ({ params, site }) => {
  const n = Number(params.n)
  const entries = (await sitemapEntries()).slice(n * SITEMAP_SIZE, (n + 1) * SITEMAP_SIZE)
  const urls = entries.map(
    (e) =>
      `  <url><loc>${xml(new URL(e.path, site).href)}</loc>${e.lastmod ? `<lastmod>${xml(e.lastmod.slice(0, 10))}</lastmod>` : ''}</url>`,
  )
  return xmlResponse(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`)
}
