import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import next from 'next'
import type { SanitizedConfig } from 'payload'
import sirv from 'sirv'
import { CLIENT_IP_HEADER } from './booking/http.ts'
import { cmsDir, dataDir } from './paths.ts'
import { payloadRestHandler } from './restHandler.ts'
import { currentSiteDir, serverEntryOf } from './site/buildSite.ts'
import { siteHandler } from './site/serveSite.ts'

const owns = (url: string, prefix: string) =>
  url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`)
const nextRoutes = ['/admin', '/api', '/_next']
/** The parent-facing booking API, the one hot path: answered by Payload's REST handler without Next in between. */
const publicBookingApi =
  /^\/api\/(?:bookings\/(?:book|lookup|cancel|calendar\/[^/?]+)|course-sessions\/[^/?]+\/availability)(?:\?|$)/

// ---- draft preview
type PreviewHandler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  next: () => void,
  locals: { payloadApi: string },
) => Promise<void>

/**
 * /preview/…: the site's one on-demand page (site/pages/preview), served by the server entry of the build being
 * served (`<build>/server/entry.mjs`, @astrojs/node in middleware mode), loaded on the first preview after each
 * swap. The page reads drafts through Payload's REST API on this server, at `payloadApi` (never the Host header).
 */
function previewHandler(payloadApi: () => string) {
  let loaded: { entry: string; handler: Promise<PreviewHandler> } | undefined
  const load = (entry: string): Promise<PreviewHandler> => {
    if (loaded?.entry !== entry) {
      // The adapter adds an unhandledRejection listener that only logs, once per loaded build: leave the process
      // its own handling (and no pile of listeners across rebuilds).
      const before = new Set(process.listeners('unhandledRejection'))
      const handler = import(pathToFileURL(entry).href).then((mod: { handler: PreviewHandler }) => {
        for (const l of process.listeners('unhandledRejection'))
          if (!before.has(l)) process.off('unhandledRejection', l)
        return mod.handler
      })
      handler.catch(() => {
        if (loaded?.handler === handler) loaded = undefined // retry on the next request
      })
      loaded = { entry, handler }
    }
    return loaded.handler
  }
  return async (req: http.IncomingMessage, res: http.ServerResponse, notFound: () => void) => {
    const dir = currentSiteDir()
    const entry = dir && serverEntryOf(dir)
    if (!entry || !fs.existsSync(entry)) {
      res.statusCode = 503
      res.setHeader('Cache-Control', 'no-store')
      res.setHeader('Content-Type', 'text/plain; charset=utf-8')
      res.end('预览暂不可用：网站正在生成，请稍后刷新。')
      return
    }
    try {
      await (await load(entry))(req, res, notFound, { payloadApi: payloadApi() })
    } catch (error) {
      console.error('[fujia] preview failed:', error)
      if (!res.headersSent) res.statusCode = 500
      res.end()
    }
  }
}

/** Where this server itself answers: a wildcard listen address is reached through loopback. */
function ownApiBase(server: http.Server): string {
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('server is not listening on a TCP port')
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/api`
}
// ---- end draft preview

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
