import http from 'node:http'
import path from 'node:path'
import sirv from 'sirv'
import { MAX_BODY_BYTES as PUBLIC_API_BODY_BYTES } from '../booking/http.ts'
import { dataDir } from '../paths.ts'
import { siteHandler } from '../publishing/serveSite.ts'
import { type TrustProxy, tagClientAddress } from './clientAddress.ts'
import { answerHealthCheck } from './health.ts'
import { ownApiBase, previewHandler } from './preview.ts'
import { bodyLimitOf, limitBody, refuse, refuseMalformed } from './requestChecks.ts'
import { traceRequest } from './requestLog.ts'
import { type Area, securityHeaders } from './securityHeaders.ts'

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown

const owns = (url: string, prefix: string) =>
  url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`)
const nextRoutes = ['/admin', '/api', '/_next']
/**
 * The parent-facing booking APIs, the hot paths (lecture booking, a holiday wave's opening): answered by Payload's
 * REST handler without Next in between.
 */
const publicBookingApi =
  /^\/api\/(?:bookings\/(?:book|lookup|cancel|calendar\/[^/?]+)|course-sessions\/[^/?]+\/availability|holiday-registrations\/(?:register|mine|cancel)|holiday-sessions\/seats)(?:\?|$)/

/** Which security policy answers a URL (securityHeaders.ts); draft previews are site pages. */
const areaOf = (url: string): Area =>
  owns(url, '/api') ? 'api' : nextRoutes.some((p) => owns(url, p)) ? 'admin' : owns(url, '/media') ? 'media' : 'site'

/**
 * The types uploads are stored as (cms/collections/Media: the accepted images and their WebP sizes), named
 * exactly; any other file is offered as data to download, never guessed at or shown.
 */
const uploadTypes: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
}

const mediaHandler = () =>
  sirv(path.join(dataDir, 'media'), {
    etag: true,
    dev: true, // uploads appear at any time: look files up per request
    setHeaders: (res, pathname) => {
      res.setHeader('Cache-Control', 'public, max-age=86400')
      res.setHeader('Content-Type', uploadTypes[path.extname(pathname).toLowerCase()] ?? 'application/octet-stream')
    },
  })

/** A handler that threw or rejected still answers, and its error is logged rather than left unhandled. */
const settle = (res: http.ServerResponse, handled: unknown) =>
  Promise.resolve(handled).catch((error: unknown) => {
    console.error('[fujia] request failed:', error)
    refuse(res, 500, 'server_error', '服务器繁忙，请稍后再试')
  })

/**
 * The one-port server, not yet listening: the admin and API (`next`; the public booking API through `restApi`),
 * uploaded images at /media/, draft previews, and the static site everywhere else. Same origin, so the booking
 * island needs no CORS. Every request is tagged with its client address first, whichever route answers it.
 */
export function createAppServer(opts: {
  trustProxy: TrustProxy
  /** SITE_URL: served over https, responses ask browsers to keep to https (HSTS). */
  siteUrl: string
  /** Payload's REST handler (restHandler.ts). */
  restApi: Handler
  /** Next: the admin, its assets and the rest of the API. */
  next: Handler
  /** Counts a reader's view of a site page (cms/impact/pageViews); never delays the page. */
  countPage?: (req: http.IncomingMessage) => void
}): http.Server {
  const serveSite = siteHandler({ onPage: opts.countPage })
  const serveMedia = mediaHandler()
  const servePreview = previewHandler(() => ownApiBase(server))
  const secure = securityHeaders({ https: opts.siteUrl.startsWith('https:') })
  const route: Handler = (req, res) => {
    if (refuseMalformed(req, res)) return
    tagClientAddress(req, opts.trustProxy)
    const url = req.url ?? '/'
    secure(res, areaOf(url))
    const isPublicApi = publicBookingApi.test(url)
    if (limitBody(req, res, bodyLimitOf(req, isPublicApi ? PUBLIC_API_BODY_BYTES : undefined))) return
    if (isPublicApi) return void settle(res, opts.restApi(req, res))
    if (nextRoutes.some((p) => owns(url, p))) return void settle(res, opts.next(req, res))
    if (owns(url, '/media')) {
      req.url = url.slice('/media'.length) || '/'
      return serveMedia(req, res, () => {
        res.statusCode = 404
        res.end()
      })
    }
    if (owns(url, '/preview'))
      return void settle(
        res,
        servePreview(req, res, () => serveSite(req, res)),
      )
    serveSite(req, res)
  }
  // Health checks first: cheap, and not logged (a load balancer asks every few seconds).
  const server = http.createServer(
    (req, res) => answerHealthCheck(req, res) || traceRequest(req, res, Boolean(opts.trustProxy), route),
  )
  return server
}
