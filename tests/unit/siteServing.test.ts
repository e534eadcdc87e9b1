import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// paths.ts reads DATA_DIR when first imported: set it first, then import what serves the site.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fujia-serve-'))
process.env.DATA_DIR = dataDir
const { precompress, PRECOMPRESSED_MARKER } = await import('../../cms/publishing/compress.ts')
const { siteHandler } = await import('../../cms/publishing/serveSite.ts')

const page = `<!doctype html><html lang="zh-CN"><body>${'<p>福家大讲堂：家庭教育公益课程。</p>'.repeat(80)}</body></html>`

/** A build directory as the Astro build leaves it, and the `data/site` link pointing at it. */
function build(name: string): string {
  const dir = path.join(dataDir, 'site-builds', name, 'client')
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'index.html'), page)
  const link = path.join(dataDir, 'site')
  fs.rmSync(link, { force: true })
  fs.symlinkSync(dir, link)
  return dir
}

let server: http.Server
let base: string
beforeAll(async () => {
  const serve = siteHandler()
  server = http.createServer((req, res) => serve(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const get = (url: string) =>
  new Promise<{ encoding?: string; type?: string; body: string }>((resolve, reject) =>
    http
      .get(`${base}${url}`, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const raw = Buffer.concat(chunks)
          const encoding = res.headers['content-encoding']
          const body = encoding === 'br' ? zlib.brotliDecompressSync(raw) : raw
          resolve({ encoding, type: res.headers['content-type'], body: body.toString('utf8') })
        })
      })
      .on('error', reject),
  )

describe('serving a build while and after it is compressed', () => {
  it('serves a new build at once, then its brotli copies once they are complete', async () => {
    const dir = build('b1')
    expect(await get('/')).toMatchObject({ encoding: undefined, body: page })
    await precompress(dir)
    expect(fs.existsSync(path.join(dir, PRECOMPRESSED_MARKER))).toBe(true)
    expect(await get('/')).toMatchObject({ encoding: 'br', body: page })
    expect((await get('/.fujia-precompressed')).body).toContain('页面不存在')
  })

  it("reuses the previous build's compressed copies for unchanged files", async () => {
    const previous = path.join(dataDir, 'site-builds', 'b1', 'client')
    const dir = build('b2')
    await precompress(dir, previous)
    const inode = (p: string) => fs.statSync(path.join(p, 'index.html.br')).ino
    expect(inode(dir)).toBe(inode(previous))
    expect(await get('/')).toMatchObject({ encoding: 'br', body: page })
  })
})

describe('content types', () => {
  it('marks feeds, sitemaps and text as UTF-8, compressed or not', async () => {
    const dir = build('b3')
    const feed = `<?xml version="1.0" encoding="UTF-8"?><rss><channel><title>福家</title>${'<item><title>家风家教</title></item>'.repeat(40)}</channel></rss>`
    fs.writeFileSync(path.join(dir, 'rss.xml'), feed)
    fs.writeFileSync(path.join(dir, 'robots.txt'), 'User-agent: *\n')
    expect(await get('/rss.xml')).toMatchObject({ type: 'application/xml; charset=utf-8', body: feed })
    expect((await get('/robots.txt')).type).toBe('text/plain; charset=utf-8')
    await precompress(dir)
    expect(await get('/rss.xml')).toMatchObject({ encoding: 'br', type: 'application/xml; charset=utf-8', body: feed })
    expect((await get('/')).type).toMatch(/^text\/html;\s*charset=utf-8$/)
  })
})
