import http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import sirv from 'sirv'
import { fmt } from './stats.ts'

/**
 * Lighthouse (mobile form factor, default simulated throttling) in Debian's Chromium against the built site,
 * served pre-compressed as `npm start` serves it. API calls of islands are not answered here (no CMS runs).
 */
export async function lighthouseScores(siteDir: string, pages: string[]) {
  const serve = sirv(siteDir, { brotli: true, gzip: true, extensions: ['html'], etag: true })
  const server = http.createServer((req, res) =>
    serve(req, res, () => {
      res.writeHead(404).end()
    }),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const scores: Record<string, Record<string, string>> = {}
  try {
    for (const page of pages) {
      const url = `http://127.0.0.1:${port}/${page.replace(/index\.html$/, '')}`
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      })
      const lhr = result?.lhr
      if (!lhr) continue
      scores[page] = {
        performance: fmt((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: fmt((lhr.categories.accessibility?.score ?? 0) * 100),
        'LCP s': fmt((lhr.audits['largest-contentful-paint']?.numericValue ?? 0) / 1000, 2),
        'transfer KB': fmt((lhr.audits['total-byte-weight']?.numericValue ?? 0) / 1024, 1),
      }
    }
  } finally {
    await chrome.kill()
    server.close()
  }
  return scores
}
