/**
 * A bare HTTP server around Payload's REST API — the same handler `npm start` serves the public booking endpoints
 * with (cms/server/restHandler.ts) — for tests and benchmarks that need several server processes on one database
 * without building the admin. The client address comes from X-Forwarded-For, so tests can speak for many parents.
 * Run: DATABASE_URI=file:… API_PORT=… tsx tests/helpers/apiServer.ts — prints "ready <port>" when listening.
 */
import http from 'node:http'
import { getPayload } from 'payload'
import { CLIENT_IP_HEADER } from '../../cms/booking/http.ts'
import config from '../../cms/payload.config.ts'
import { payloadRestHandler } from '../../cms/server/restHandler.ts'

const port = Number(process.env.API_PORT ?? 0)
const payload = await getPayload({ config })
const handle = payloadRestHandler(payload.config)

const server = http.createServer((req, res) => {
  req.headers[CLIENT_IP_HEADER] = String(req.headers['x-forwarded-for'] ?? req.socket.remoteAddress)
  void handle(req, res)
})

server.listen(port, '127.0.0.1', () => {
  const address = server.address()
  console.log(`ready ${typeof address === 'object' && address ? address.port : port}`)
})
