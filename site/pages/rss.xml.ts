import type { APIRoute } from 'astro'
import { articleUrl } from '../../common/urls.ts'
import { articles, siteSettings } from '../lib/content.ts'
import { xml, xmlResponse } from '../lib/xml.ts'

/** RSS 2.0 feed of the 20 latest articles. */
export const GET: APIRoute = async ({ site }) => {
  const [latest, settings] = await Promise.all([articles(), siteSettings()])
  const abs = (path: string) => new URL(path, site).href
  const items = latest.slice(0, 20).map(
    (a) => `    <item>
      <title>${xml(a.data.title)}</title>
      <link>${xml(abs(articleUrl(a.data.slug)))}</link>
      <guid isPermaLink="true">${xml(abs(articleUrl(a.data.slug)))}</guid>
      <pubDate>${new Date(a.data.publishedAt).toUTCString()}</pubDate>
      <description>${xml(a.data.summary)}</description>${a.data.author ? `\n      <dc:creator>${xml(a.data.author)}</dc:creator>` : ''}
    </item>`,
  )
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${xml(settings.siteName)}</title>
    <link>${xml(abs('/'))}</link>
    <description>${xml(settings.tagline ?? `${settings.siteName}的最新文章`)}</description>
    <language>zh-CN</language>
${items.join('\n')}
  </channel>
</rss>
`
  return xmlResponse(body, 'application/rss+xml')
}
