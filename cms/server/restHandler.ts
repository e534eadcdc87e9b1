import type http from 'node:http'
import { handleEndpoints, type SanitizedConfig } from 'payload'

/** Bodies larger than this are refused before they are read; the public booking API takes a few hundred bytes. */
const MAX_BODY_BYTES = 64 * 1024

const sendJson = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}

async function readBody(req: http.IncomingMessage): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) return undefined
    chunks.push(chunk)
  }
  return new Uint8Array(Buffer.concat(chunks))
}

/**
 * Payload's REST API (`handleEndpoints`, the function Next's /api route calls) served straight from Node's HTTP
 * server, on the Payload instance registered under `payloadKey`. The public booking endpoints take this path in
 * production: Next's router costs several milliseconds a request, which a registration-day burst can't afford.
 */
export function payloadRestHandler(config: SanitizedConfig, payloadKey?: string) {
  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const bodyless = req.method === 'GET' || req.method === 'HEAD'
    const body = bodyless ? undefined : await readBody(req)
    if (!bodyless && !body) {
      return sendJson(res, 413, { error: { code: 'too_large', message: '请求内容过大' } })
    }
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
    }
    const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url}`, {
      method: req.method,
      headers,
      body,
    })
    try {
      const response = await handleEndpoints({ config, request, payloadInstanceCacheKey: payloadKey })
      const head: Record<string, string | string[]> = Object.fromEntries(response.headers)
      const cookies = response.headers.getSetCookie()
      if (cookies.length) head['set-cookie'] = cookies
      res.writeHead(response.status, head)
      res.end(Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      console.error('[fujia] API request failed:', error)
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'server_error', message: '服务器繁忙，请稍后再试' } })
      else res.end()
    }
  }
}
