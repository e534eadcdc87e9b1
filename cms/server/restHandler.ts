import type http from 'node:http'
import { handleEndpoints, type SanitizedConfig } from 'payload'
import { refuse } from './requestChecks.ts'

/** The body as sent; its size is already limited by the router (requestChecks.ts `limitBody`). */
async function readBody(req: http.IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
  return new Uint8Array(Buffer.concat(chunks))
}

/** The Fetch API request Payload takes; throws on a body the client abandoned or a target `Request` refuses. */
async function toFetchRequest(req: http.IncomingMessage): Promise<Request> {
  const bodyless = req.method === 'GET' || req.method === 'HEAD'
  const body = bodyless ? undefined : await readBody(req)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url}`, { method: req.method, headers, body })
}

/**
 * Payload's REST API (`handleEndpoints`, the function Next's /api route calls) served straight from Node's HTTP
 * server, on the Payload instance registered under `payloadKey`. The public booking endpoints take this path in
 * production: Next's router costs several milliseconds a request, which a registration-day burst can't afford.
 */
export function payloadRestHandler(config: SanitizedConfig, payloadKey?: string) {
  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    let request: Request
    try {
      request = await toFetchRequest(req)
    } catch {
      // Aborted (or cut off at its size limit, already answered) or unreadable: nothing for Payload to do.
      if (!res.headersSent && !req.destroyed) refuse(res, 400, 'bad_request', '请求格式有误')
      return
    }
    try {
      const response = await handleEndpoints({ config, request, payloadInstanceCacheKey: payloadKey })
      const head: Record<string, string | string[]> = Object.fromEntries(response.headers)
      const cookies = response.headers.getSetCookie()
      if (cookies.length) head['set-cookie'] = cookies
      res.writeHead(response.status, head)
      res.end(Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      console.error('[fujia] API request failed:', error)
      if (res.headersSent) return void res.end()
      res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end(JSON.stringify({ error: { code: 'server_error', message: '服务器繁忙，请稍后再试' } }))
    }
  }
}
