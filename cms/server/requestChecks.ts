import type http from 'node:http'

const MB = 1024 * 1024
/** Any JSON or form body the admin and API take: a long article's rich text is a few hundred KB. */
export const MAX_REQUEST_BODY_BYTES = 1 * MB
/** Payload's upload limit (cms/payload.config.ts `upload.limits.fileSize`) and room for the multipart framing. */
export const MAX_UPLOAD_BYTES = 10 * MB + 1 * MB

const errorBody = (code: string, message: string) => JSON.stringify({ error: { code, message } })

/** Refuses the request and closes the connection: a client that sent something broken gets no second request. */
export function refuse(res: http.ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const body = errorBody(code, message)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    Connection: 'close',
  })
  res.end(body)
}

/** How long a refused upload's connection keeps draining after the answer. */
const LINGER_MS = 2000

/**
 * 413, then the connection stops sending but keeps reading (and dropping) for a moment before it closes: closing
 * while the client is still sending resets the connection, and the reset can take the answer with it.
 */
function refuseTooLarge(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const { socket } = req
  res.once('finish', () => {
    socket.end()
    setTimeout(() => socket.destroy(), LINGER_MS).unref()
  })
  const body = errorBody('too_large', '请求内容过大')
  res.writeHead(413, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  })
  res.end(body)
}

/** A host name, IPv4 or bracketed IPv6 address, with an optional port: what `new URL` and Next accept as a Host. */
const HOST_PATTERN = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

function isWellFormed(req: http.IncomingMessage): boolean {
  const host = req.headers.host
  if (host !== undefined && !HOST_PATTERN.test(host)) return false
  const url = req.url ?? ''
  // Only a path (origin-form): an absolute URL or `*` asks this server to act as a proxy, which it is not.
  if (!url.startsWith('/') || url.startsWith('//')) return false
  try {
    const { pathname } = new URL(url, 'http://localhost')
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

/**
 * Answers 400 to a request whose Host or URL the handlers behind would choke on (Node's parser has already refused
 * broken framing and header syntax). Returns whether it did.
 */
export function refuseMalformed(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if (isWellFormed(req)) return false
  refuse(res, 400, 'bad_request', '请求格式有误')
  return true
}

/** The body size a request may have: the public booking API's own limit, uploads, or anything else. */
export const bodyLimitOf = (req: http.IncomingMessage, publicApiLimit: number | undefined): number =>
  publicApiLimit ??
  (req.headers['content-type']?.startsWith('multipart/form-data') ? MAX_UPLOAD_BYTES : MAX_REQUEST_BODY_BYTES)

/**
 * Enforces a body size while the body is read, whoever reads it: a declared Content-Length over the limit is
 * refused at once; a chunked body is counted as the socket delivers it and cut off with 413 once it grows past
 * the limit. The reader behind (Next or the REST handler) never sees the body end: it sees the request aborted.
 * Returns whether the request was refused at once.
 */
export function limitBody(req: http.IncomingMessage, res: http.ServerResponse, maxBytes: number): boolean {
  const declared = Number(req.headers['content-length'] ?? 0)
  // Node's parser reads no further than a declared length: only a chunked body needs counting.
  if (declared <= maxBytes && req.headers['transfer-encoding'] === undefined) return false
  let received = 0
  let refused = declared > maxBytes
  const push = req.push.bind(req)
  // The HTTP parser hands every body chunk to push(): counting there sees the bytes before any reader does.
  // Once refused, whatever still arrives is dropped, the end of the body included.
  req.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (refused) return true
    received += chunk?.length ?? 0
    if (received <= maxBytes) return push(chunk, encoding)
    refused = true
    refuseTooLarge(req, res)
    return true
  }
  if (refused) refuseTooLarge(req, res)
  return refused
}
