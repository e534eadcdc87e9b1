import type http from 'node:http'
import { CLIENT_IP_HEADER } from '../booking/http.ts'

/** The addresses X-Forwarded-For lists, the client the first proxy saw first (repeated headers in order). */
const forwardedChain = (header: string | string[] | undefined): string[] =>
  [header ?? []]
    .flat()
    .flatMap((line) => line.split(','))
    .map((entry) => entry.trim())
    .filter(Boolean)

/**
 * The address rate limits count a request against: the socket's, or behind a trusted reverse proxy the client
 * its X-Forwarded-For names first. Without a trusted proxy the header is the client's own word, so it is ignored.
 */
const clientAddress = (req: http.IncomingMessage, trustProxy: boolean): string =>
  (trustProxy ? forwardedChain(req.headers['x-forwarded-for'])[0] : undefined) ?? req.socket.remoteAddress ?? 'unknown'

/**
 * Hands the client address on to Payload's endpoints in CLIENT_IP_HEADER, replacing whatever the client sent
 * under that name: the header is trusted downstream, so only this server may set it.
 */
export function tagClientAddress(req: http.IncomingMessage, trustProxy: boolean): void {
  req.headers[CLIENT_IP_HEADER] = clientAddress(req, trustProxy)
}
