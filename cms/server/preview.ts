/**
 * Draft preview: staff open the latest draft of an article or family on the site's own layout, at
 * /preview/<collection>/<id>/ (the admin's preview button, cms/lib/previewUrl.ts).
 */
import fs from 'node:fs'
import type http from 'node:http'
import { pathToFileURL } from 'node:url'
import { currentSiteDir, serverEntryOf } from '../publishing/buildDirs.ts'
import { logger } from './log.ts'

type PreviewHandler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  next: () => void,
  locals: { payloadApi: string },
) => Promise<void>

/**
 * The one shape of a preview URL, checked on the raw path: the build's server code also holds the render routes,
 * which a path like `/preview/../render/…` (or `%2e%2e`) would otherwise reach once the router normalises it.
 */
export const isPreviewPath = (rawUrl: string): boolean =>
  /^\/preview\/(?:articles|families)\/[0-9a-z]{1,24}\/?(?:\?[^#]*)?$/i.test(rawUrl)

/**
 * /preview/…: the site's one on-demand page (site/pages/preview), served by the server entry of the build being
 * served (`<build>/server/entry.mjs`, @astrojs/node in middleware mode), loaded on the first preview after each
 * swap. The page reads drafts through Payload's REST API on this server, at `payloadApi` (never the Host header).
 */
export function previewHandler(payloadApi: () => string) {
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
    if (!isPreviewPath(req.url ?? '')) return notFound()
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
      logger.error({ err: error }, 'preview failed')
      if (!res.headersSent) res.statusCode = 500
      res.end()
    }
  }
}

/** Where this server itself answers: a wildcard listen address is reached through loopback. */
export function ownApiBase(server: http.Server): string {
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('server is not listening on a TCP port')
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/api`
}
