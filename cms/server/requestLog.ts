import crypto from 'node:crypto'
import type http from 'node:http'
import { logger, withRequestId } from './log.ts'

/** What a proxy's request id may look like (nginx's $request_id is 32 hex digits); anything else is replaced. */
const VALID_REQUEST_ID = /^[\w.-]{8,64}$/
/** Path segments that are secrets in themselves: calendar links, password resets, account verification. */
const TOKEN_SEGMENT = /\/(calendar|reset|verify)\/[^/]+/g

/** The path as logged: no query string, no tokens. */
const loggablePath = (url: string): string => (url.split('?')[0] ?? '').replace(TOKEN_SEGMENT, '/$1/:token')

/**
 * The request's id: the one a trusted reverse proxy assigned (X-Request-Id, so its access log and ours name the
 * same request), otherwise a new one. Without a trusted proxy the header is the client's word and is ignored.
 */
function requestIdOf(req: http.IncomingMessage, trustProxy: boolean): string {
  const given = req.headers['x-request-id']
  if (trustProxy && typeof given === 'string' && VALID_REQUEST_ID.test(given)) return given
  return crypto.randomBytes(12).toString('hex')
}

/**
 * Handles a request under its id: every line logged meanwhile carries it, the response echoes it (X-Request-Id,
 * for a parent's or operator's report), and one line records the outcome.
 */
export function traceRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  trustProxy: boolean,
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => unknown,
): void {
  const reqId = requestIdOf(req, trustProxy)
  const started = performance.now()
  const path = loggablePath(req.url ?? '/') // before routes rewrite req.url
  res.setHeader('X-Request-Id', reqId)
  res.once('close', () => {
    const line = {
      reqId,
      method: req.method,
      path,
      status: res.statusCode,
      ms: Math.round(performance.now() - started),
      ...(res.writableFinished ? {} : { aborted: true }),
    }
    if (res.statusCode >= 500) logger.error(line, 'request failed')
    else logger.info(line, 'request')
  })
  withRequestId(reqId, () => handle(req, res))
}
