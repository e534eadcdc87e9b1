/**
 * npm run bench -- lottery: a draw of 30,000 entries over 460 sessions as the server runs it (freeze, hash, seed,
 * rank, allocate, write the published files), then the verify page's computation in Chromium on a phone-sized
 * screen with the CPU slowed four times (Lighthouse's "mid-tier mobile" setting), on the same published files.
 * Baseline for each, in the same process: the least any draw does, with the platform's native crypto — one SHA-256
 * of the published input and one HMAC-SHA256 per entry (node:crypto on the server, WebCrypto in the browser).
 */
import crypto from 'node:crypto'
import path from 'node:path'
import { chromium, devices } from '@playwright/test'
import { build } from 'vite'
import { publish } from '../common/lottery/publication.ts'
import { randomInput, rng } from '../tests/helpers/lotteryInputs.ts'
import { fmt } from './stats.ts'

const ENTRIES = 30_000
const SESSIONS = 460
const SERVER_LIMIT_MS = 10_000
const PHONE_CPU_SLOWDOWN = 4

/** The verifier exactly as the verify page's island imports it, bundled for a plain page. */
async function verifierBundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: path.resolve('common/lottery/publication.ts'), formats: ['iife'], name: 'FujiaLottery' },
    },
  })
  const first = (Array.isArray(output) ? output[0] : output) as { output: { code?: string }[] }
  const code = first.output[0]?.code
  if (!code) throw new Error('the verifier bundle is empty')
  return code
}

export async function benchLottery() {
  const input = randomInput(rng(2026), ENTRIES, SESSIONS)
  const started = performance.now()
  const files = publish({
    input,
    secret: '5f'.repeat(32),
    publicNumber: '03 12 18 25 30 + 07',
    publicSource: '基准测试',
    committedAt: '2026-07-01T00:00:00Z',
    frozenAt: '2026-07-04T00:00:00Z',
    drawnAt: '2026-07-04T12:00:00Z',
    rounds: [],
  })
  const serverMs = performance.now() - started
  const baselineStarted = performance.now()
  crypto.createHash('sha256').update(files.input).digest('hex')
  for (let i = 0; i < ENTRIES; i++) crypto.createHmac('sha256', 'seed').update(`entry-${i}`).digest('hex')
  const serverBaselineMs = performance.now() - baselineStarted
  console.log(
    `lottery draw: ${ENTRIES} entries over ${SESSIONS} sessions, ${files.outcome.offers.length} offers in ${fmt(serverMs)} ms ` +
      `(limit ${SERVER_LIMIT_MS} ms: ${serverMs <= SERVER_LIMIT_MS ? 'met' : 'MISSED'}; baseline ${fmt(serverBaselineMs)} ms, ratio ${fmt(serverMs / serverBaselineMs, 1)}×); ` +
      `input ${fmt(files.input.length / 1024)} KiB, result ${fmt(files.result.length / 1024)} KiB`,
  )

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
  try {
    const context = await browser.newContext({ ...devices['Pixel 7'] })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE_CPU_SLOWDOWN })
    // An https address (served by the route, nothing leaves the machine): WebCrypto needs a secure context.
    await page.route('https://verify.bench/', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>verify</title>' }),
    )
    await page.goto('https://verify.bench/')
    await page.addScriptTag({ content: await verifierBundle() })
    const phone = await page.evaluate(
      (published) => {
        const lottery = (globalThis as unknown as { FujiaLottery: typeof import('../common/lottery/publication.ts') })
          .FujiaLottery
        const t0 = performance.now()
        const verification = lottery.verifyPublication(published)
        return { ms: performance.now() - t0, ok: verification.ok }
      },
      { input: files.input, record: files.record, result: files.result },
    )
    const baselineMs = await page.evaluate(
      async ({ input, entries }) => {
        const t0 = performance.now()
        const bytes = new TextEncoder()
        await crypto.subtle.digest('SHA-256', bytes.encode(input))
        const key = await crypto.subtle.importKey(
          'raw',
          bytes.encode('seed'),
          { name: 'HMAC', hash: 'SHA-256' },
          false,
          ['sign'],
        )
        for (let i = 0; i < entries; i++) await crypto.subtle.sign('HMAC', key, bytes.encode(`entry-${i}`))
        return performance.now() - t0
      },
      { input: files.input, entries: ENTRIES },
    )
    console.log(
      `lottery verify page computation on a Pixel 7 screen, CPU ${PHONE_CPU_SLOWDOWN}× slower: ${fmt(phone.ms)} ms, ` +
        `${phone.ok ? 'matches' : 'DOES NOT MATCH'} (baseline ${fmt(baselineMs)} ms, ratio ${fmt(phone.ms / baselineMs, 1)}×)`,
    )
  } finally {
    await browser.close()
  }
}
