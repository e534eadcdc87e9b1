import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bookingBody, createSession } from '../helpers/booking.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'
import { type ApiServer, startApiServer } from '../helpers/servers.ts'

/** SIGTERM in the middle of a booking burst: requests under way are answered and stored, then the process exits. */
let ctx: TestPayload
let server: ApiServer

beforeAll(async () => {
  ctx = await startTestPayload()
  server = await startApiServer({
    DATABASE_URI: `file:${path.join(ctx.dir, 'test.db')}`,
    DATA_DIR: ctx.dir,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? '',
  })
})
afterAll(async () => {
  await server?.stop()
  await ctx?.close()
})

type Answer = { status: number; at: number; json?: { code?: string; status?: string } }

describe('a server process is stopped (SIGTERM) during a burst', () => {
  it('answers what it accepted, stores every acknowledged booking and exits in time', async () => {
    const CAPACITY = 80
    const WAITLIST = 80
    const session = await createSession(ctx.payload, { capacity: CAPACITY, waitlistSize: WAITLIST })
    let answered = 0
    let signalledAt = Number.POSITIVE_INFINITY
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      server.process.once('exit', (code) => resolve({ code, at: performance.now() })),
    )

    const send = async (i: number): Promise<Answer> => {
      try {
        const response = await fetch(`${server.url}/api/bookings/book`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.8.${i >> 8}.${i & 255}` },
          body: JSON.stringify(bookingBody(session.id, { phone: `136${String(i).padStart(8, '0')}` })),
        })
        const answer = { status: response.status, at: performance.now(), json: await response.json() }
        if (++answered === 40) {
          signalledAt = performance.now()
          server.process.kill('SIGTERM')
        }
        return answer
      } catch {
        return { status: 0, at: performance.now() } // refused: the server no longer accepted connections
      }
    }
    // 40 parents tapping again and again, one request after another each: the signal lands with ~40 under way.
    const parent = async (p: number) => {
      const answers: Answer[] = []
      for (let k = 0; k < 6; k++) answers.push(await send(p * 6 + k))
      return answers
    }
    const answers = (await Promise.all(Array.from({ length: 40 }, (_, p) => parent(p)))).flat()
    const exit = await exited

    expect(exit.code).toBe(0) // the graceful path finished, not the bound
    // Imported here: cms/ modules read DATA_DIR when first imported, which startTestPayload sets.
    const { SHUTDOWN_BOUND_MS } = await import('../../cms/server/shutdown.ts')
    const stopMs = exit.at - signalledAt
    console.log(`SIGTERM → exit under a burst: ${stopMs.toFixed(0)} ms`)
    expect(stopMs).toBeLessThan(SHUTDOWN_BOUND_MS)
    // Requests under way when the signal came were answered (drained), none with a server error; later ones refused.
    expect(answers.filter((a) => a.at > signalledAt && a.status >= 200 && a.status < 300).length).toBeGreaterThan(0)
    expect(answers.filter((a) => a.status >= 500)).toEqual([])
    expect(answers.some((a) => a.status === 0)).toBe(true)

    const acknowledged = answers.filter((a) => (a.status === 201 || a.status === 200) && a.json?.code)
    const { docs } = await ctx.payload.find({
      collection: 'bookings',
      where: { session: { equals: session.id } },
      limit: 0,
      depth: 0,
    })
    const stored = new Map(docs.map((b) => [b.code, b.status]))
    for (const a of acknowledged) expect(stored.get(a.json?.code as string)).toBe(a.json?.status)
    expect(docs.length).toBe(acknowledged.length) // nothing stored that was not answered

    // The session's counters agree with its bookings: no booking half-done.
    const restarted = await startApiServer({
      DATABASE_URI: `file:${path.join(ctx.dir, 'test.db')}`,
      DATA_DIR: ctx.dir,
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? '',
    })
    server = restarted
    const availability = await (await fetch(`${restarted.url}/api/course-sessions/${session.id}/availability`)).json()
    const confirmed = docs.filter((b) => b.status === 'confirmed').length
    const waitlisted = docs.filter((b) => b.status === 'waitlisted').length
    expect([availability.confirmed, availability.waitlisted]).toEqual([confirmed, waitlisted])
  })
})
