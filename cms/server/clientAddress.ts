import type http from 'node:http'
import { CLIENT_IP_HEADER } from '../booking/http.ts'

/**
 * The reverse proxies trusted to name the client in X-Forwarded-For (TRUST_PROXY, cms/env.ts): how many hops
 * stand in front of this server (0: none), or the proxies' own addresses.
 */
export type TrustProxy = number | string[]

/** The addresses X-Forwarded-For lists, the client the first proxy saw first (repeated headers in order). */
const forwardedChain = (header: string | string[] | undefined): string[] =>
  [header ?? []]
    .flat()
    .flatMap((line) => line.split(','))
    .map((entry) => entry.trim())
    .filter(Boolean)

/** An IPv4 peer on a dual-stack socket shows as ::ffff:a.b.c.d; a configured proxy is written a.b.c.d. */
const plainAddress = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')

/**
 * Walks the chain from the right (this server's peer) past the trusted proxies: each proxy appends the address it
 * received from, so only entries a trusted proxy wrote are trustworthy; anything further left is the client's own
 * word. Stops at the leftmost entry when every hop is trusted.
 */
function untrustedFromRight(chain: string[], trust: TrustProxy): string | undefined {
  if (typeof trust === 'number') return chain[Math.max(0, chain.length - 1 - trust)]
  const proxies = new Set(trust.map(plainAddress))
  let i = chain.length - 1
  while (i > 0 && proxies.has(plainAddress(chain[i] ?? ''))) i--
  return chain[i]
}

/**
 * The address rate limits count a request against: the socket's, or behind trusted reverse proxies the address
 * the outermost trusted proxy received the request from. Without a trusted proxy the header is ignored.
 */
const clientAddress = (req: http.IncomingMessage, trust: TrustProxy): string => {
  const peer = req.socket.remoteAddress
  if (!peer) return 'unknown'
  return plainAddress(untrustedFromRight([...forwardedChain(req.headers['x-forwarded-for']), peer], trust) ?? peer)
}

/**
 * Hands the client address on to Payload's endpoints in CLIENT_IP_HEADER, replacing whatever the client sent
 * under that name: the header is trusted downstream, so only this server may set it.
 */
export function tagClientAddress(req: http.IncomingMessage, trust: TrustProxy): void {
  req.headers[CLIENT_IP_HEADER] = clientAddress(req, trust)
}
