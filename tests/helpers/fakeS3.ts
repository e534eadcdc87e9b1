import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type StoredObject = { bucket: string; key: string; body: Buffer; headers: http.IncomingHttpHeaders }
export type FakeS3 = { endpoint: string; objects: StoredObject[]; close: () => Promise<void> }

/**
 * A loopback stand-in for S3-compatible object storage (path-style, as MinIO is addressed): it keeps every object
 * PUT to it with the request's headers, and refuses a request that is not signed with AWS Signature V4, as
 * S3, OSS and COS do.
 */
export async function startFakeS3(): Promise<FakeS3> {
  const objects: StoredObject[] = []
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const [, bucket = '', ...key] = url.pathname.split('/')
    if (!String(req.headers.authorization).startsWith('AWS4-HMAC-SHA256 Credential=')) {
      res.writeHead(403, { 'content-type': 'application/xml' })
      return res.end('<Error><Code>AccessDenied</Code></Error>')
    }
    // One PUT per object: archives below the client's part size are never sent in parts.
    if (req.method !== 'PUT' || !key.length || url.searchParams.has('uploadId')) {
      res.writeHead(501, { 'content-type': 'application/xml' })
      return res.end('<Error><Code>NotImplemented</Code></Error>')
    }
    objects.push({ bucket, key: decodeURIComponent(key.join('/')), body: Buffer.concat(chunks), headers: req.headers })
    res.writeHead(200, { etag: `"${objects.length}"` })
    res.end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
