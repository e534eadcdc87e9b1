/**
 * A bare HTTP server around Payload's REST handler (the same `handleEndpoints` Next's /api routes call), for tests
 * and benchmarks that need several server processes on one database without building the admin.
 * Run: DATABASE_URI=file:… API_PORT=… tsx tests/helpers/apiServer.ts — prints "ready <port>" when listening.
 */
import http from 'node:http'
import { getPayload, handleEndpoints } from 'payload'
import config from '../../cms/payload.config.ts'

const port = Number(process.env.API_PORT ?? 0)
const configPromise = getPayload({ config }).then(() => config)

const server = http.createServer(async (req, res) => {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(key, value)
  headers.set('x-fujia-client-ip', String(req.headers['x-forwarded-for'] ?? req.socket.remoteAddress))
  const request = new Request(`http://127.0.0.1${req.url}`, {
    method: req.method,
    headers,
    body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
  })
  try {
    const response = await handleEndpoints({ config: await configPromise, request })
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(Buffer.from(await response.arrayBuffer()))
  } catch (error) {
    res.writeHead(500, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ error: { code: 'server_error', message: String(error) } }))
  }
})

await configPromise
server.listen(port, '127.0.0.1', () => {
  const address = server.address()
  console.log(`ready ${typeof address === 'object' && address ? address.port : port}`)
})
