import http from 'node:http'
import path from 'node:path'
import sirv from 'sirv'
import { dataDir } from '../paths.ts'
import { siteHandler } from '../publishing/serveSite.ts'
import { tagClientAddress } from './clientAddress.ts'
import { answerHealthCheck } from './health.ts'
import { ownApiBase, previewHandler } from './preview.ts'
import { traceRequest } from './requestLog.ts'

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown

const owns = (url: string, prefix: string) =>
  url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`)
const nextRoutes = ['/admin', '/api', '/_next']
/** The parent-facing booking API, the one hot path: answered by Payload's REST handler without Next in between. */
const publicBookingApi =
  /^\/api\/(?:bookings\/(?:book|lookup|cancel|calendar\/[^/?]+)|course-sessions\/[^/?]+\/availability)(?:\?|$)/

const mediaHandler = () =>
  sirv(path.join(dataDir, 'media'), {
    etag: true,
    dev: true, // uploads appear at any time: look files up per request
    setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=86400'),
  })

/**
 * The one-port server, not yet listening: the admin and API (`next`; the public booking API through `restApi`),
 * uploaded images at /media/, draft previews, and the static site everywhere else. Same origin, so the booking
 * island needs no CORS. Every request is tagged with its client address first, whichever route answers it.
 */
export function createAppServer(opts: {
  trustProxy: boolean
  /** Payload's REST handler (restHandler.ts). */
  restApi: Handler
  /** Next: the admin, its assets and the rest of the API. */
  next: Handler
}): http.Server {
  const serveSite = siteHandler()
  const serveMedia = mediaHandler()
  const servePreview = previewHandler(() => ownApiBase(server))
  const route: Handler = (req, res) => {
    tagClientAddress(req, opts.trustProxy)
    const url = req.url ?? '/'
    if (publicBookingApi.test(url)) return void opts.restApi(req, res)
    if (nextRoutes.some((p) => owns(url, p))) return void opts.next(req, res)
    if (owns(url, '/media')) {
      req.url = url.slice('/media'.length) || '/'
      return serveMedia(req, res, () => {
        res.statusCode = 404
        res.end()
      })
    }
    if (owns(url, '/preview')) return void servePreview(req, res, () => serveSite(req, res))
    serveSite(req, res)
  }
  // Health checks first: cheap, and not logged (a load balancer asks every few seconds).
  const server = http.createServer(
    (req, res) => answerHealthCheck(req, res) || traceRequest(req, res, Boolean(opts.trustProxy), route),
  )
  return server
}
