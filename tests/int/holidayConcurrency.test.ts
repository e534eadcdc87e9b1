import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHolidaySession, createHousehold, createWave, registerBody } from '../helpers/holiday.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'
import { type ApiServer, startServersOn } from '../helpers/servers.ts'

/**
 * A wave opening through two server processes on one SQLite file: the database alone keeps seats, the
 * one-seat-per-child rule and the per-wave cap (no lock is shared between the processes).
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

describe('a wave opening through two processes', () => {
  const CAPACITY = 5
  const WAITLIST = 3
  const HOUSEHOLDS = 40

  it('takes exactly the seats and waitlist places, one per child per session, the cap per child', async () => {
    const { wave } = await createWave(ctx.payload, { perChildCap: 1, opensAt: new Date(Date.now() + 4000) })
    const sessions = [
      await createHolidaySession(ctx.payload, wave.id, { capacity: CAPACITY, waitlistSize: WAITLIST }),
      await createHolidaySession(ctx.payload, wave.id, { capacity: CAPACITY, waitlistSize: WAITLIST }),
    ]
    const families = []
    for (let i = 0; i < HOUSEHOLDS; i++) families.push(await createHousehold(ctx.payload, 1))
    // Every child asks for both sessions (cap 1: at most one may succeed), each household twice, on both servers.
    const presses = families.flatMap((f, i) => {
      const child = f.children[0]?.id as number
      const body = registerBody(sessions.map((s) => ({ session: s.id, child })))
      return [0, 1].map((n) => ({
        server: servers[(i + n) % 2] as ApiServer,
        token: f.token,
        body,
        ip: `10.9.${i}.${n}`,
      }))
    })
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(wave.opensAt) - Date.now())))
    const answers = await Promise.all(
      presses.map(async ({ server, token, body, ip }) => {
        const response = await fetch(`${server.url}/api/holiday-registrations/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-forwarded-for': ip },
          body: JSON.stringify(body),
        })
        return { status: response.status, json: await response.json() }
      }),
    )
    expect(answers.filter((a) => a.status >= 500)).toEqual([])
    expect(answers.every((a) => a.status === 201)).toBe(true)

    const { docs } = await ctx.payload.find({
      collection: 'holiday-registrations',
      where: { wave: { equals: wave.id } },
      limit: 0,
      depth: 0,
    })
    for (const s of sessions) {
      const of = docs.filter((d) => d.session === s.id)
      expect(of.filter((d) => d.status === 'confirmed')).toHaveLength(CAPACITY)
      expect(of.filter((d) => d.status === 'waitlisted')).toHaveLength(WAITLIST)
      const stored = await ctx.payload.findByID({ collection: 'holiday-sessions', id: s.id })
      expect([stored.confirmedCount, stored.waitlistedCount]).toEqual([CAPACITY, WAITLIST])
    }
    // The cap of 1 per child across the wave, whichever process and press won.
    const perChild = new Map<unknown, number>()
    for (const d of docs) perChild.set(d.child, (perChild.get(d.child) ?? 0) + 1)
    expect(Math.max(...perChild.values())).toBe(1)
    // Every code a household was given is stored with the status it was told.
    const told = answers.flatMap((a) => a.json.results.filter((r: { code?: string }) => r.code))
    for (const r of told) {
      const stored = docs.find((d) => d.code === r.code)
      expect(stored?.status).toBe(r.status)
    }
    // The second press of a household replays the first (same key): no child holds two codes.
    expect(new Set(told.map((r: { code: string }) => r.code)).size).toBe(docs.length)
  })
})
