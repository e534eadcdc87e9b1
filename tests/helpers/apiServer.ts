/**
 * The server `npm start` runs, without the admin (tests/helpers/apiOnlyServer.ts), for tests and benchmarks that
 * need several server processes on one database without building the admin. TRUST_PROXY is read from the settings
 * as `npm start` reads it; tests/helpers/servers.ts turns it on, so tests can speak for many parents.
 * Run: DATABASE_URI=file:… API_PORT=… tsx tests/helpers/apiServer.ts — prints "ready <port>" when listening.
 */
import { getPayload } from 'payload'
import { env } from '../../cms/env.ts'
import config from '../../cms/payload.config.ts'
import { platformReadiness, setReadinessCheck } from '../../cms/server/health.ts'
import { routeConsoleToLogger } from '../../cms/server/log.ts'
import { shutdownGracefully } from '../../cms/server/shutdown.ts'
import { apiOnlyServer } from './apiOnlyServer.ts'

routeConsoleToLogger()
const port = Number(process.env.API_PORT ?? 0)
const payload = await getPayload({ config })
const server = apiOnlyServer(payload.config, { trustProxy: env().TRUST_PROXY })
// Readiness and SIGTERM as `npm start` has them (cms/server/start.ts).
setReadinessCheck(platformReadiness(payload))
shutdownGracefully(server, { close: () => payload.destroy() })

server.listen(port, '127.0.0.1', () => {
  const address = server.address()
  console.log(`ready ${typeof address === 'object' && address ? address.port : port}`)
})
