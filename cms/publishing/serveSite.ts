import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'
import sirv from 'sirv'
import { currentSiteDir } from './buildDirs.ts'
import { PRECOMPRESSED_MARKER } from './compress.ts'

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, nextFn?: () => void) => void

/**
 * Text the site serves besides HTML (which sirv already marks): without a charset, feed readers and browsers
 * take XML and text as US-ASCII and garble Chinese.
 */
const utf8Types: Record<string, string> = {
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
}

/**
 * Serves whichever build the `data/site` link points at, picking up a swapped-in build on the next request.
 * A build goes live before its compressed copies are written (cms/publishing/buildSite.ts); sirv indexes a directory
 * once, so the handler is made again when the build's "precompressed" marker appears, in every process.
 */
export function siteHandler(opts: { onPage?: (req: http.IncomingMessage) => void } = {}) {
  let servedDir: string | undefined
  let compressed = false
  let handler: Handler | undefined
  let notFoundPage: Buffer | undefined
  const refresh = () => {
    const dir = currentSiteDir()
    if (dir === servedDir && (compressed || !dir || !fs.existsSync(path.join(dir, PRECOMPRESSED_MARKER)))) return
    servedDir = dir
    compressed = Boolean(dir && fs.existsSync(path.join(dir, PRECOMPRESSED_MARKER)))
    handler = dir
      ? sirv(dir, {
          etag: true,
          brotli: true,
          gzip: true,
          extensions: ['html'],
          setHeaders: (res, pathname) => {
            res.setHeader(
              'Cache-Control',
              pathname.startsWith('/_astro/')
                ? 'public, max-age=31536000, immutable'
                : 'public, max-age=0, must-revalidate',
            )
            const type = utf8Types[path.extname(pathname)]
            if (type) res.setHeader('Content-Type', type)
          },
        })
      : undefined
    notFoundPage =
      dir && fs.existsSync(path.join(dir, '404.html')) ? fs.readFileSync(path.join(dir, '404.html')) : undefined
  }
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    refresh()
    const notFound = () => {
      res.statusCode = 404
      res.setHeader('Content-Type', 'text/html; charset=utf-8')
      res.end(notFoundPage ?? '<!doctype html><meta charset="utf-8"><title>页面不存在</title><p>页面不存在</p>')
    }
    if (!handler) {
      res.statusCode = 503
      res.setHeader('Content-Type', 'text/plain; charset=utf-8')
      res.end('网站正在生成，请稍后刷新。')
      return
    }
    // Readership (cms/impact/pageViews): a page answered in full or as still current (ETag) is one view.
    if (opts.onPage)
      res.once('finish', () => {
        if (res.statusCode === 200 || res.statusCode === 304) opts.onPage?.(req)
      })
    handler(req, res, notFound)
  }
}
