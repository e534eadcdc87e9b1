import http from 'node:http'
import path from 'node:path'
import next from 'next'
import type { SanitizedConfig } from 'payload'
import sirv from 'sirv'
import { CLIENT_IP_HEADER } from '../booking/http.ts'
import { cmsDir, dataDir } from '../paths.ts'
import { siteHandler } from '../publishing/serveSite.ts'
import { ownApiBase, previewHandler } from './preview.ts'
import { payloadRestHandler } from './restHandler.ts'

const owns = (url: string, prefix: string) =>
  url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`)
const nextRoutes = ['/admin', '/api', '/_next']
/** The parent-facing booking API, the one hot path: answered by Payload's REST handler without Next in between. */
const publicBookingApi =
  /^\/api\/(?:bookings\/(?:book|lookup|cancel|calendar\/[^/?]+)|course-sessions\/[^/?]+\/availability)(?:\?|$)/

const mediaHandler = sirv(path.join(dataDir, 'media'), {
  etag: true,
  dev: true, // uploads appear at any time: look files up per request
  setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=86400'),
})

/** The client address rate limits use: the socket's, or the proxy's X-Forwarded-For when TRUST_PROXY is set. */
function tagClientIp(req: http.IncomingMessage, trustProxy: boolean) {
  const forwarded = trustProxy
    ? String(req.headers['x-forwarded-for'] ?? '')
        .split(',')[0]
        ?.trim()
    : ''
  req.headers[CLIENT_IP_HEADER] = forwarded || req.socket.remoteAddress || 'unknown'
}

/**
 * One HTTP server on one port: the admin and API (Next + Payload; the public booking API without Next), uploaded
 * images at /media/, and the static site everywhere else. Same origin, so the booking island needs no CORS.
 */
export async function startServer(opts: {
  port: number
  host: string
  trustProxy: boolean
  /** The Payload instance (by its cache key) that answers the public booking API. */
  payload: { config: SanitizedConfig; key: string }
}): Promise<http.Server> {
  const app = next({ dev: false, dir: cmsDir, quiet: true })
  const handleNext = app.getRequestHandler()
  await app.prepare()
  const serveSite = siteHandler()
  const servePreview = previewHandler(() => ownApiBase(server))
  const serveBookingApi = payloadRestHandler(opts.payload.config, opts.payload.key)
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/'
    if (publicBookingApi.test(url)) {
      tagClientIp(req, opts.trustProxy)
      return void serveBookingApi(req, res)
    }
    if (nextRoutes.some((p) => owns(url, p))) {
      tagClientIp(req, opts.trustProxy)
      return void handleNext(req, res)
    }
    if (owns(url, '/media')) {
      req.url = url.slice('/media'.length) || '/'
      return mediaHandler(req, res, () => {
        res.statusCode = 404
        res.end()
      })
    }
    if (owns(url, '/preview')) return void servePreview(req, res, () => serveSite(req, res))
    serveSite(req, res)
  })
  await new Promise<void>((resolve) => server.listen(opts.port, opts.host, resolve))
  return server
}
