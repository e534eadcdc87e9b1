/**
 * npm run bench -- opening: a 无忧假期 wave opens. 100 sessions of 30 seats (and 5 waitlist places each); 3,000
 * households, each with one or two children, its own address and a verified phone, press 报名 within the same
 * second through two server processes on one SQLite file, asking for one or two sessions per child, popular
 * sessions far more often. Then the same number of plain Payload REST creates as the baseline.
 */
import crypto from 'node:crypto'
import path from 'node:path'
import Database from 'libsql'
import { findOrCreateHousehold } from '../cms/households/service.ts'
import { issueHouseholdToken } from '../cms/households/token.ts'
import { forEachLimited } from '../cms/lib/forEachLimited.ts'
import { createHolidaySession, createWave } from '../tests/helpers/holiday.ts'
import { BASELINE_COLLECTION, count5xx, post, row, startBenchServers } from './harness.ts'
import { burst, fmt, percentile } from './stats.ts'

const SESSIONS = 100
const CAPACITY = 30
const WAITLIST = 5
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 3000)
const PER_CHILD_CAP = 2
/** How long before the opening the presses are prepared (the households wait on the page). */
const LEAD_MS = 3000

/** Deterministic choices, so runs are comparable. */
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** Session index with a Zipf-like skew: the first sessions are wanted many times over their seats, the last rarely. */
const skewed = (r: () => number) => Math.min(SESSIONS - 1, Math.floor(SESSIONS * r() ** 2.2))

export async function benchOpening() {
  const { ctx, pick, baselineCreate, stop } = await startBenchServers()
  const { payload } = ctx
  try {
    console.log(`\nPreparing ${SESSIONS} sessions and ${HOUSEHOLDS} households …`)
    const { wave: warmWave } = await createWave(payload, { perChildCap: 20 })
    const warmSession = await createHolidaySession(payload, warmWave.id, { capacity: 500, waitlistSize: 0 })
    const { wave } = await createWave(payload, { perChildCap: PER_CHILD_CAP, opensInHours: 1 })
    const sessions: { id: number }[] = []
    for (let i = 0; i < SESSIONS; i++)
      sessions.push(await createHolidaySession(payload, wave.id, { capacity: CAPACITY, waitlistSize: WAITLIST }))

    const r = random(20260110)
    // Households through the platform's own findOrCreateHousehold (a few at a time); their children as rows in
    // one transaction (creating 4,500 children through Payload would only measure the set-up).
    const phones = Array.from({ length: HOUSEHOLDS }, (_, h) => `13${String(100_000_000 + h).slice(-9)}`)
    const householdIds = new Map<string, number>()
    await forEachLimited(phones, 8, async (phone) => {
      householdIds.set(phone, (await findOrCreateHousehold(payload, phone)).id as number)
    })
    const db = new Database(path.join(ctx.dir, 'test.db'))
    const insertChild = db.prepare(
      `INSERT INTO children (household_id, name, grade, emergency_contact_name, emergency_contact_phone,
         consent_policy_version, consent_at, updated_at, created_at)
       VALUES (?, ?, '二年级', '联系人', '13900001111', 'bench', ?, ?, ?) RETURNING id`,
    )
    const households: { token: string; items: { session: number; child: number }[]; ip: string }[] = []
    const at = new Date().toISOString()
    db.exec('BEGIN')
    phones.forEach((phone, h) => {
      const householdId = householdIds.get(phone) as number
      const children = Array.from({ length: r() < 0.5 ? 1 : 2 }, (_, c) =>
        Number((insertChild.get(householdId, `孩子${h}-${c}`, at, at, at) as { id: number }).id),
      )
      // Each child: one or two sessions of its household's choice (the popular ones more often).
      const items = children.flatMap((child) => {
        const wanted = new Set<number>()
        const n = r() < 0.6 ? 1 : 2
        while (wanted.size < n) wanted.add(skewed(r))
        return [...wanted].map((i) => ({ session: sessions[i]?.id as number, child }))
      })
      households.push({
        token: issueHouseholdToken(payload, householdId).token,
        items,
        ip: `10.${h >> 16}.${(h >> 8) & 255}.${h & 255}`,
      })
    })
    db.exec('COMMIT')
    db.close()
    const demand = new Map<number, number>()
    for (const { items } of households)
      for (const { session } of items) demand.set(session, (demand.get(session) ?? 0) + 1)

    // Warm-up: the servers have been running on registration day (V8 has compiled the request path).
    for (let i = 0; i < 200; i += 20) {
      await burst(
        Array.from({ length: 20 }, (_, j) => {
          const h = households[(i + j) % households.length]
          return [
            baselineCreate(pick(i + j), `warm-up-${i + j}`),
            post(
              pick(i + j),
              '/api/holiday-registrations/register',
              { idempotencyKey: crypto.randomUUID(), items: [{ session: warmSession.id, child: h?.items[0]?.child }] },
              { authorization: `Bearer ${h?.token}`, 'x-forwarded-for': `12.0.${(i + j) >> 8}.${(i + j) & 255}` },
            ),
          ]
        }).flat(),
      )
    }

    // The opening: the wave opens LEAD_MS from now; every household presses within the same second.
    const opensAt = new Date(Date.now() + LEAD_MS)
    await payload.update({ collection: 'holiday-waves', id: wave.id, data: { opensAt: opensAt.toISOString() } })
    await new Promise((done) => setTimeout(done, opensAt.getTime() - Date.now()))
    const latencies: number[] = []
    const statuses: Record<number, number> = {}
    /** Requests that got no HTTP answer at all, by the client's error code. */
    const failures = new Map<string, number>()
    const told: { code: string; status: string; session: number; child: number }[] = []
    const started = performance.now()
    await Promise.all(
      households.map(async (h, i) => {
        // Spread over the first second, as thumbs on phones are.
        await new Promise((done) => setTimeout(done, (i * 997) % 1000))
        const t0 = performance.now()
        let status = 0
        try {
          const response = await fetch(`${pick(i).url}/api/holiday-registrations/register`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${h.token}`,
              'x-forwarded-for': h.ip,
            },
            body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), items: h.items }),
          })
          status = response.status
          const json = (await response.json()) as { results?: typeof told }
          for (const result of json.results ?? []) if (result.code) told.push(result)
        } catch (error) {
          status = 0
          const cause = (error as { cause?: { code?: string } }).cause?.code ?? String(error)
          failures.set(cause, (failures.get(cause) ?? 0) + 1)
        }
        latencies.push(performance.now() - t0)
        statuses[status] = (statuses[status] ?? 0) + 1
      }),
    )
    const openingMs = performance.now() - started
    latencies.sort((a, b) => a - b)
    const within = (ms: number) => latencies.filter((l) => l <= ms).length

    const baseline = await burst(Array.from({ length: HOUSEHOLDS }, (_, i) => baselineCreate(pick(i), `baseline-${i}`)))

    // What the database holds.
    const { docs } = await payload.find({
      collection: 'holiday-registrations',
      where: { wave: { equals: wave.id } },
      limit: 0,
      pagination: false,
      depth: 0,
    })
    const active = docs.filter((d) => d.status !== 'cancelled')
    const confirmedOf = new Map<number, number>()
    for (const d of active)
      if (d.status === 'confirmed')
        confirmedOf.set(d.session as number, (confirmedOf.get(d.session as number) ?? 0) + 1)
    const oversubscribed = sessions.filter((s) => (demand.get(s.id) ?? 0) > CAPACITY)
    const filledExactly = oversubscribed.filter((s) => confirmedOf.get(s.id) === CAPACITY).length
    const oversold = sessions.filter((s) => (confirmedOf.get(s.id) ?? 0) > CAPACITY).length
    const pairs = new Map<string, number>()
    const perChild = new Map<string, number>()
    for (const d of active) {
      const pair = `${d.session}:${d.child}`
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1)
      perChild.set(String(d.child), (perChild.get(String(d.child)) ?? 0) + 1)
    }
    const doubleRegistered = [...pairs.values()].filter((n) => n > 1).length
    const overCap = [...perChild.values()].filter((n) => n > PER_CHILD_CAP).length
    const byCode = new Map(docs.map((d) => [d.code, d]))
    const lost = told.filter((t) => byCode.get(t.code)?.status !== t.status).length
    const untold = docs.length - new Set(told.map((t) => t.code)).size
    const stored = await Promise.all(
      sessions.map((s) => payload.findByID({ collection: 'holiday-sessions', id: s.id, depth: 0 })),
    )
    const countsRight = stored.filter((s) => s.confirmedCount === (confirmedOf.get(s.id) ?? 0)).length
    const items = households.reduce((n, h) => n + h.items.length, 0)
    const seatsTaken = [...confirmedOf.values()].reduce((a, b) => a + b, 0)

    console.log(
      `\nOpening wave: ${HOUSEHOLDS} households (${items} child×session items) press within one second; ${SESSIONS} sessions × ${CAPACITY} seats (+${WAITLIST} waitlist), cap ${PER_CHILD_CAP} per child, 2 processes, 1 SQLite file`,
    )
    console.table({
      [`plain Payload REST create into ${BASELINE_COLLECTION} (baseline)`]: row(baseline),
      'POST /api/holiday-registrations/register': row({
        ms: openingMs,
        perSecond: (HOUSEHOLDS / openingMs) * 1000,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        statuses,
      }),
    })
    console.log(
      `  answered within 1 s: ${within(1000)}, within 2 s: ${within(2000)}, within 5 s: ${within(5000)} of ${HOUSEHOLDS}`,
    )
    console.log(
      `  p50 ${fmt(percentile(latencies, 50))} ms, p95 ${fmt(percentile(latencies, 95))} ms, p99 ${fmt(percentile(latencies, 99))} ms, max ${fmt(latencies.at(-1) ?? 0)} ms; HTTP 5xx: ${count5xx(statuses) - (statuses[0] ?? 0)}; no answer: ${statuses[0] ?? 0} ${JSON.stringify(Object.fromEntries(failures))}`,
    )
    console.log(
      `  seats taken: ${seatsTaken} of ${SESSIONS * CAPACITY}; oversubscribed sessions filled to capacity: ${filledExactly} of ${oversubscribed.length}; oversold sessions: ${oversold}; session counts equal to rows: ${countsRight} of ${SESSIONS}`,
    )
    console.log(
      `  seats per session (demand → confirmed): ${sessions
        .slice(0, 10)
        .map((s) => `${demand.get(s.id) ?? 0}→${confirmedOf.get(s.id) ?? 0}`)
        .join(', ')} … ${sessions
        .slice(-5)
        .map((s) => `${demand.get(s.id) ?? 0}→${confirmedOf.get(s.id) ?? 0}`)
        .join(', ')}`,
    )
    console.log(
      `  children double-registered: ${doubleRegistered}; children over the cap: ${overCap}; told but not stored as told: ${lost}; stored but never told: ${untold}`,
    )
    console.log(
      `  time ratio opening/baseline: ${fmt(openingMs / baseline.ms, 2)}× (the same number of requests); budget: all answered within 5 s, no 5xx, nothing oversold, nothing lost`,
    )
  } finally {
    await stop()
  }
}
