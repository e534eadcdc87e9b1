import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bookingBody, createSession } from '../helpers/booking.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'
import { type ApiServer, startApiServer } from '../helpers/servers.ts'

/** A server process killed (SIGKILL) in the middle of a burst loses no booking it acknowledged. */
let ctx: TestPayload
let env: Record<string, string>
const servers: ApiServer[] = []

beforeAll(async () => {
  ctx = await startTestPayload()
  env = {
    DATABASE_URI: `file:${path.join(ctx.dir, 'test.db')}`,
    DATA_DIR: ctx.dir,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? '',
  }
  servers.push(...(await Promise.all([startApiServer(env), startApiServer(env)])))
})
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  await ctx?.close()
})

type Answer = { server: number; status: number; json?: { code?: string; status?: string } }

describe('a server process crashes during a burst', () => {
  it('keeps every acknowledged booking, and the counts still match after restart', async () => {
    const CAPACITY = 60
    const WAITLIST = 60
    const session = await createSession(ctx.payload, { capacity: CAPACITY, waitlistSize: WAITLIST })
    const [victim, survivor] = servers as [ApiServer, ApiServer]
    let victimAnswers = 0
    let killed = false

    const send = async (i: number, server: number): Promise<Answer> => {
      const target = server === 0 ? victim : survivor
      try {
        const response = await fetch(`${target.url}/api/bookings/book`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${i >> 8}.${i & 255}` },
          body: JSON.stringify(bookingBody(session.id, { phone: `137${String(i).padStart(8, '0')}` })),
        })
        const answer = { server, status: response.status, json: await response.json() }
        if (server === 0 && ++victimAnswers === 15 && !killed) {
          killed = true
          victim.process.kill('SIGKILL')
        }
        return answer
      } catch {
        return { server, status: 0 } // the connection died with the process: never acknowledged
      }
    }
    // 40 parents tapping again and again (10 requests each, one after another), half of them on the victim: when
    // it dies, its parents' requests in flight and still to come fail, however fast it answered the first ones.
    const parent = async (p: number) => {
      const answers: Answer[] = []
      for (let k = 0; k < 10; k++) answers.push(await send(p * 10 + k, p % 2))
      return answers
    }
    const answers = (await Promise.all(Array.from({ length: 40 }, (_, p) => parent(p)))).flat()

    expect(killed).toBe(true)
    expect(answers.some((a) => a.server === 0 && a.status === 0)).toBe(true) // it died in the middle of the burst
    expect(answers.filter((a) => a.status >= 500)).toEqual([])
    const acknowledged = answers.filter((a) => (a.status === 201 || a.status === 200) && a.json?.code)

    // A fresh process on the same database starts cleanly and sees the same state.
    const restarted = await startApiServer(env)
    servers.push(restarted)
    const availability = await (await fetch(`${restarted.url}/api/course-sessions/${session.id}/availability`)).json()

    const { docs } = await ctx.payload.find({
      collection: 'bookings',
      where: { session: { equals: session.id } },
      limit: 0,
      depth: 0,
    })
    const stored = new Map(docs.map((b) => [b.code, b.status]))
    for (const a of acknowledged) expect(stored.get(a.json?.code as string)).toBe(a.json?.status)
    const confirmed = docs.filter((b) => b.status === 'confirmed').length
    const waitlisted = docs.filter((b) => b.status === 'waitlisted').length
    expect(confirmed).toBeLessThanOrEqual(CAPACITY)
    expect(waitlisted).toBeLessThanOrEqual(WAITLIST)
    expect([availability.confirmed, availability.waitlisted]).toEqual([confirmed, waitlisted])
  })
})
