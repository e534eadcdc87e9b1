import type http from 'node:http'
import type { SanitizedConfig } from 'payload'
import { createAppServer } from '../../cms/server/requestRouter.ts'
import { payloadRestHandler } from '../../cms/server/restHandler.ts'

/**
 * The server `npm start` runs (cms/server/requestRouter.ts: routing, client addresses, the booking API through
 * Payload's REST handler) without Next, which needs the admin build: the rest of the API goes to the same REST
 * handler, as Next's /api route would pass it on, and the admin answers 404. Not yet listening.
 */
export function apiOnlyServer(config: SanitizedConfig, opts: { trustProxy: boolean }): http.Server {
  const restApi = payloadRestHandler(config)
  return createAppServer({
    trustProxy: opts.trustProxy,
    restApi,
    next: (req, res) => {
      if (req.url?.startsWith('/api/')) return restApi(req, res)
      res.statusCode = 404
      res.end()
    },
  })
}
