import fs from 'node:fs'
import path from 'node:path'
import type { Endpoint } from 'payload'
import { clientIp } from '../../../booking/http.ts'
import { bookingStore } from '../../../booking/index.ts'
import { limitKey } from '../../../booking/service.ts'
import { countPageView } from '../../../impact/pageViews/index.ts'
import { countedPath } from '../../../impact/pageViews/rules.ts'
import { currentSiteDir } from '../../../publishing/buildDirs.ts'

/** The header nginx's mirror puts the reader's request URI in (deploy/nginx/fujia.conf). */
export const ORIGINAL_URI_HEADER = 'x-original-uri'
/** Views one address may add in ten minutes: a reader's browsing, not a script inflating a page. */
const PER_ADDRESS = 120

/** A page the current build holds (a mirror also sees requests that end in 404). */
const isBuiltPage = (pagePath: string) => {
  const dir = currentSiteDir()
  return Boolean(dir && fs.existsSync(path.join(dir, pagePath, 'index.html')))
}

/**
 * GET /api/page-views/count: where nginx, which serves the site's files itself in production, reports a page
 * request (a `mirror` of the reader's request: same method and headers, the URI in X-Original-URI). Counts it by
 * the same rules as the Node server; answers 204 with no body and sets nothing. Rate-limited per address.
 */
export const pageViewEndpoints: Endpoint[] = [
  {
    path: '/count',
    method: 'get',
    handler: async (req) => {
      const uri = req.headers.get(ORIGINAL_URI_HEADER) ?? ''
      const pagePath = countedPath(uri)
      const noContent = () => new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } })
      if (!pagePath || !isBuiltPage(pagePath)) return noContent()
      const within = await bookingStore(req.payload).rateLimits.hit(
        { keys: [{ key: limitKey(req.payload, 'view-ip', clientIp(req)), limit: PER_ADDRESS }], windowSeconds: 600 },
        new Date(),
      )
      if (within) await countPageView(req.payload, { method: 'GET', url: uri, header: (name) => req.headers.get(name) })
      return noContent()
    },
  },
]
