import type http from 'node:http'
import next from 'next'
import type { SanitizedConfig } from 'payload'
import { env } from '../env.ts'
import { pageViewCounter } from '../impact/pageViews/counter.ts'
import { cmsDir } from '../paths.ts'
import type { TrustProxy } from './clientAddress.ts'
import { createAppServer } from './requestRouter.ts'
import { payloadRestHandler } from './restHandler.ts'

/** Starts the one-port server (requestRouter.ts) with Next answering the admin and the rest of the API. */
export async function startServer(opts: {
  port: number
  host: string
  trustProxy: TrustProxy
  /** The Payload instance (by its cache key) that answers the public booking API. */
  payload: { config: SanitizedConfig; key: string }
}): Promise<http.Server> {
  const app = next({ dev: false, dir: cmsDir, quiet: true })
  const handleNext = app.getRequestHandler()
  await app.prepare()
  const server = createAppServer({
    trustProxy: opts.trustProxy,
    siteUrl: env().siteUrl,
    restApi: payloadRestHandler(opts.payload.config, opts.payload.key),
    next: handleNext,
    countPage: pageViewCounter(opts.payload.config, opts.payload.key),
  })
  await new Promise<void>((resolve) => server.listen(opts.port, opts.host, resolve))
  return server
}
