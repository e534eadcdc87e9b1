// @ts-check
/**
 * Child process of patchSite.ts: serves a site build's on-demand pages (its server entry, @astrojs/node in
 * middleware mode) on a loopback port, which it reports to the parent, until the parent disconnects. A process
 * of its own because every build's server code is a new module graph, which Node never unloads.
 * Plain JavaScript: it starts in the time budget of a publish, without a TypeScript loader.
 * Usage (fork): renderServer.mjs <server entry> <Payload REST API base>
 */
import http from 'node:http'
import { pathToFileURL } from 'node:url'

const [entry, payloadApi] = process.argv.slice(2)
if (!entry || !payloadApi || !process.send) throw new Error('usage: fork(renderServer.mjs, [entry, payloadApi])')
const { handler } = await import(pathToFileURL(entry).href)
const server = http.createServer((req, res) =>
  handler(
    req,
    res,
    () => {
      res.statusCode = 404
      res.end()
    },
    { payloadApi },
  ),
)
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 })
})
process.on('disconnect', () => process.exit(0))
