import path from 'node:path'
import Database from 'libsql'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { bookingBody, createSession } from '../helpers/booking.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'
import { type ApiServer, startApiServer } from '../helpers/servers.ts'

/**
 * The server's log in production format under a booking burst: one JSON object per line, a request id on every
 * line of a request, and none of the parents' phone numbers, names or email addresses, also when a request fails.
 */
let ctx: TestPayload
let server: ApiServer

beforeAll(async () => {
  ctx = await startTestPayload()
  server = await startApiServer({
    DATABASE_URI: `file:${path.join(ctx.dir, 'test.db')}`,
    DATA_DIR: ctx.dir,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? '',
    LOG_FORMAT: 'json',
  })
})
afterAll(async () => {
  await server?.stop()
  await ctx?.close()
})

const PARENTS = 40
const parents = Array.from({ length: PARENTS }, (_, i) => ({
  phone: `1${3 + (i % 7)}${String(90_000_000 + i * 7919).padStart(9, '0')}`,
  parentName: `日志家长${String.fromCharCode(0x4e00 + i * 37)}${String.fromCharCode(0x4e50 + i)}`,
  email: `parent.${i}.log@example.cn`,
}))

const post = (p: string, body: unknown, address: string) =>
  fetch(`${server.url}${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  })

describe('logs under a booking burst', () => {
  it('are JSON lines with levels and request ids, and carry no personal data', async () => {
    const session = await createSession(ctx.payload, { capacity: 20, waitlistSize: 10 })
    const codes: string[] = []
    // Every parent books (some land on the waiting list or are refused when it is full) and looks the booking up.
    const answers = await Promise.all(
      parents.map(async (parent, i) => {
        const address = `10.7.0.${i + 1}`
        const booked = await post('/api/bookings/book', bookingBody(session.id, parent), address)
        const { code } = (await booked.json()) as { code?: string }
        if (code) {
          codes.push(code)
          await post('/api/bookings/lookup', { code, phone: parent.phone }, address)
        }
        return booked.status
      }),
    )
    expect(answers.filter((s) => s === 201 || s === 200).length).toBeGreaterThanOrEqual(30)

    // The messages to the parents are written to the log (no SMS gateway here): wait for the last of them before
    // the failure below takes the bookings table away, which would fail a delivery still under way.
    await vi.waitFor(
      () => expect(server.output().match(/SMS not sent/g)?.length ?? 0).toBeGreaterThanOrEqual(codes.length),
      { timeout: 30_000 },
    )

    // A failing path: the bookings table out of reach makes the booking endpoint log an error and answer 500.
    const file = path.join(ctx.dir, 'test.db')
    const db = new Database(file)
    db.exec('PRAGMA busy_timeout = 10000; ALTER TABLE bookings RENAME TO bookings_away')
    const failing = { phone: '13912345678', parentName: '出错家长', email: 'failing.parent@example.cn' }
    const failed = await post('/api/bookings/book', bookingBody(session.id, failing), '10.7.1.1')
    db.exec('ALTER TABLE bookings_away RENAME TO bookings')
    db.close()
    expect(failed.status).toBe(500)
    const failedId = failed.headers.get('x-request-id')

    await new Promise((r) => setTimeout(r, 500)) // let the last lines reach the pipe
    const lines = server.output().trim().split('\n')
    const entries = lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>
      } catch {
        throw new Error(`not a JSON line: ${line}`)
      }
    })
    for (const entry of entries) {
      expect(typeof entry.level).toBe('string')
      expect(typeof entry.time).toBe('string')
      expect(typeof entry.msg).toBe('string')
    }
    const requestLines = entries.filter((e) => e.msg === 'request' || e.msg === 'request failed')
    expect(requestLines.length).toBeGreaterThanOrEqual(PARENTS + 30)
    for (const line of requestLines) expect(line.reqId).toMatch(/^\w{8,64}$/)
    // The failure's own error line carries the id of the request that failed, which the client was given.
    const errorLines = entries.filter((e) => e.level === 'error' && e.reqId === failedId)
    expect(errorLines.map((e) => e.msg)).toEqual(
      expect.arrayContaining([expect.stringContaining('booking endpoint'), 'request failed']),
    )

    const log = server.output()
    for (const { phone, parentName, email } of [...parents, failing]) {
      expect(log).not.toContain(phone)
      expect(log).not.toContain(parentName)
      expect(log).not.toContain(email)
    }
    // A booking code opens the booking together with the phone: no code either.
    for (const code of codes) expect(log).not.toContain(code)
  })
})
