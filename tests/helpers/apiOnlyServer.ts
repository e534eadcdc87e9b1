import type http from 'node:http'
import type { SanitizedConfig } from 'payload'
import type { TrustProxy } from '../../cms/server/clientAddress.ts'
import { createAppServer } from '../../cms/server/requestRouter.ts'
import { payloadRestHandler } from '../../cms/server/restHandler.ts'

/**
 * The server `npm start` runs (cms/server/requestRouter.ts: routing, client addresses, the booking API through
 * Payload's REST handler) without Next, which needs the admin build: the rest of the API goes to the same REST
 * handler, as Next's /api route would pass it on, and the admin answers 404. Not yet listening.
 */
export function apiOnlyServer(
  config: SanitizedConfig,
  // `true`: one proxy in front, as TRUST_PROXY=1.
  opts: { trustProxy: TrustProxy | boolean; siteUrl?: string },
): http.Server {
  const restApi = payloadRestHandler(config)
  return createAppServer({
    trustProxy: typeof opts.trustProxy === 'boolean' ? Number(opts.trustProxy) : opts.trustProxy,
    siteUrl: opts.siteUrl ?? 'http://localhost',
    restApi,
    next: (req, res) => {
      if (req.url?.startsWith('/api/')) return restApi(req, res)
      res.statusCode = 404
      res.end()
    },
  })
}
