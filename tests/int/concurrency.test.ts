import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bookingBody, createSession } from '../helpers/booking.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'
import { type ApiServer, startServersOn } from '../helpers/servers.ts'

/**
 * Two server processes on one SQLite file, hundreds of simultaneous requests: the database alone keeps the
 * seat and waitlist limits (there is no lock shared between the processes).
 */
let ctx: TestPayload
let servers: ApiServer[] = []

beforeAll(async () => {
  ctx = await startTestPayload()
  servers = await startServersOn(ctx)
})
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  await ctx?.close()
})

const post = async (server: ApiServer, route: string, body: unknown, ip: string) => {
  const response = await fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify(body),
  })
  return { status: response.status, json: await response.json() }
}

async function bookingsOf(sessionId: number) {
  const { docs } = await ctx.payload.find({
    collection: 'bookings',
    where: { session: { equals: sessionId } },
    limit: 0,
    sort: 'createdAt',
    depth: 0,
  })
  return docs
}

describe('two server processes, one SQLite database', () => {
  const CAPACITY = 12
  const WAITLIST = 20
  const REQUESTS = 300

  it(`takes exactly ${CAPACITY} seats and ${WAITLIST} waitlist places from ${REQUESTS} simultaneous bookings`, async () => {
    const session = await createSession(ctx.payload, { capacity: CAPACITY, waitlistSize: WAITLIST })
    const bodies = Array.from({ length: REQUESTS }, (_, i) =>
      bookingBody(session.id, { phone: `135${String(i).padStart(8, '0')}` }),
    )
    const answers = await Promise.all(
      bodies.map((body, i) =>
        post(servers[i % 2] as ApiServer, '/api/bookings/book', body, `10.1.${i >> 8}.${i & 255}`),
      ),
    )

    expect(answers.filter((a) => a.status >= 500)).toEqual([])
    const confirmed = answers.filter((a) => a.status === 201 && a.json.status === 'confirmed')
    const waitlisted = answers.filter((a) => a.status === 201 && a.json.status === 'waitlisted')
    expect(confirmed).toHaveLength(CAPACITY)
    expect(waitlisted).toHaveLength(WAITLIST)
    expect(answers.filter((a) => a.status === 409)).toHaveLength(REQUESTS - CAPACITY - WAITLIST)
    // Waitlist positions handed out are exactly 1..WAITLIST, each once.
    expect(waitlisted.map((a) => a.json.waitlistPosition).sort((a, b) => a - b)).toEqual(
      Array.from({ length: WAITLIST }, (_, i) => i + 1),
    )

    const stored = await bookingsOf(session.id)
    expect(stored.filter((b) => b.status === 'confirmed')).toHaveLength(CAPACITY)
    expect(stored.filter((b) => b.status === 'waitlisted')).toHaveLength(WAITLIST)
    const after = await ctx.payload.findByID({ collection: 'course-sessions', id: session.id })
    expect([after.confirmedCount, after.waitlistedCount]).toEqual([CAPACITY, WAITLIST])
    // Every acknowledged code is stored with the status the client was told.
    const byCode = new Map(stored.map((b) => [b.code, b.status]))
    for (const a of [...confirmed, ...waitlisted]) expect(byCode.get(a.json.code)).toBe(a.json.status)
  })

  it('simultaneous cancellations from both processes promote the waitlist in booking order', async () => {
    const session = await createSession(ctx.payload, { capacity: 6, waitlistSize: 10 })
    const bodies = Array.from({ length: 16 }, (_, i) =>
      bookingBody(session.id, { phone: `136${String(i).padStart(8, '0')}` }),
    )
    const booked = []
    for (const [i, body] of bodies.entries())
      booked.push(await post(servers[i % 2] as ApiServer, '/api/bookings/book', body, `10.2.0.${i}`))
    const confirmed = booked.slice(0, 6)
    expect(confirmed.every((b) => b.json.status === 'confirmed')).toBe(true)

    const cancels = await Promise.all(
      confirmed
        .slice(0, 4)
        .map((b, i) =>
          post(
            servers[i % 2] as ApiServer,
            '/api/bookings/cancel',
            { code: b.json.code, phone: bodies[i]?.phone },
            `10.3.0.${i}`,
          ),
        ),
    )
    expect(cancels.map((c) => c.status)).toEqual([200, 200, 200, 200])

    const stored = await bookingsOf(session.id)
    const status = (code: string) => stored.find((b) => b.code === code)?.status
    const waitlistedInOrder = booked.slice(6).map((b) => b.json.code)
    expect(waitlistedInOrder.slice(0, 4).map(status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed'])
    expect(waitlistedInOrder.slice(4).every((code) => status(code) === 'waitlisted')).toBe(true)
    const after = await ctx.payload.findByID({ collection: 'course-sessions', id: session.id })
    expect([after.confirmedCount, after.waitlistedCount]).toEqual([6, 6])
  })
})
