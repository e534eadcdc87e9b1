/**
 * npm run bench -- booking: the registration-opens burst and a steady load, through two server processes on one
 * SQLite file, each against a baseline of plain Payload REST creates measured in the same run. The servers are
 * warmed up first, as servers that have been running are on registration day (a first burst after a cold start
 * is slower while V8 compiles the request path).
 */
import { bookingBody, createSession } from '../tests/helpers/booking.ts'
import type { ApiServer } from '../tests/helpers/servers.ts'
import { BASELINE_COLLECTION, count5xx, post, row, startBenchServers } from './harness.ts'
import { burst, fmt, percentile } from './stats.ts'

const BURST = 1000
const CAPACITY = 300
const WAITLIST = 200
const STEADY_RATE = 200
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 30)
const STEADY_SESSIONS = 20
const WARM_UP = 200

export async function benchBooking() {
  const { ctx, servers, pick, baselineCreate, stop } = await startBenchServers()
  try {
    const warmUpSession = await createSession(ctx.payload, { capacity: WARM_UP, waitlistSize: 0 })
    for (let i = 0; i < WARM_UP; i += 20) {
      await burst(
        Array.from({ length: 20 }, (_, j) => [
          baselineCreate(pick(i + j), `warm-up-${i + j}`),
          post(
            pick(i + j),
            '/api/bookings/book',
            bookingBody(warmUpSession.id, { phone: `133${String(i + j).padStart(8, '0')}` }),
            {
              'x-forwarded-for': `12.0.${(i + j) >> 8}.${(i + j) & 255}`,
            },
          ),
        ]).flat(),
      )
    }

    // Baseline first: the same number of simultaneous plain REST creates (a small collection) on the same database.
    const baseline = await burst(Array.from({ length: BURST }, (_, i) => baselineCreate(pick(i), `baseline-${i}`)))
    const session = await createSession(ctx.payload, { capacity: CAPACITY, waitlistSize: WAITLIST })
    const booking = await burst(
      Array.from({ length: BURST }, (_, i) =>
        post(pick(i), '/api/bookings/book', bookingBody(session.id, { phone: `135${String(i).padStart(8, '0')}` }), {
          'x-forwarded-for': `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`,
        }),
      ),
    )
    const stored = await ctx.payload.find({
      collection: 'bookings',
      where: { session: { equals: session.id } },
      limit: 0,
    })
    const confirmed = stored.docs.filter((b) => b.status === 'confirmed').length

    console.log(
      `\nBooking burst: ${BURST} simultaneous requests on one session (capacity ${CAPACITY}, waitlist ${WAITLIST}), 2 processes`,
    )
    console.table({
      [`plain Payload REST create into ${BASELINE_COLLECTION} (baseline)`]: row(baseline),
      'POST /api/bookings/book': row(booking),
    })
    console.log(`  confirmed in the database: ${confirmed} (capacity ${CAPACITY}); 5xx: ${count5xx(booking.statuses)}`)
    console.log(
      `  throughput ratio booking/baseline: ${fmt(booking.perSecond / baseline.perSecond, 2)}×; budget: all answered within 2 s (≥ 500/s)`,
    )

    const steady = await steadyLoad(ctx.payload, servers)
    console.log(`\nBooking steady: ${STEADY_RATE} req/s over ${STEADY_SESSIONS} sessions for ${STEADY_SECONDS} s`)
    console.log(
      `  sent ${steady.sent}, p50 ${fmt(steady.p50)} ms, p99 ${fmt(steady.p99)} ms (budget p99 ≤ 250 ms), 5xx ${steady.errors}`,
    )
  } finally {
    await stop()
  }
}

async function steadyLoad(payload: Parameters<typeof createSession>[0], servers: ApiServer[]) {
  const sessions = []
  for (let i = 0; i < STEADY_SESSIONS; i++)
    sessions.push(await createSession(payload, { capacity: 2000, waitlistSize: 0 }))
  const latencies: number[] = []
  const pending: Promise<void>[] = []
  let errors = 0
  const total = STEADY_RATE * STEADY_SECONDS
  const started = performance.now()
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / STEADY_RATE
    const wait = due - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    const session = sessions[i % STEADY_SESSIONS] as { id: number }
    const send = post(
      servers[i % 2] as ApiServer,
      '/api/bookings/book',
      bookingBody(session.id, { phone: `134${String(i).padStart(8, '0')}` }),
      {
        'x-forwarded-for': `11.${i >> 16}.${(i >> 8) & 255}.${i & 255}`,
      },
    )
    const t0 = performance.now()
    pending.push(
      send()
        .then((status) => {
          if (status >= 500) errors++
        })
        .catch(() => void errors++)
        .finally(() => void latencies.push(performance.now() - t0)),
    )
  }
  await Promise.all(pending)
  latencies.sort((a, b) => a - b)
  return { sent: total, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors }
}
