/**
 * Health endpoints for a load balancer or systemd-style watchdog, answered before anything else:
 *   GET /healthz  liveness: 200 "ok" whenever the process answers at all (no I/O)
 *   GET /readyz   readiness: 200 "ok" when the database answers, every committed schema migration is applied and a
 *                 site build is being served; 503 "not ready" otherwise, and at once when the server shuts down.
 * The body never says why (the endpoints are public); the reason goes to the log when it changes.
 */
import type http from 'node:http'
import type { Payload } from 'payload'
import { migrations } from '../migrations/index.ts'
import { currentSiteDir } from '../publishing/buildDirs.ts'
import { logger } from './log.ts'

/** What keeps the process from taking traffic; empty when it may. */
export type ReadinessCheck = () => Promise<string[]>

let check: ReadinessCheck | undefined
let draining = false
/** One check at a time however many probes arrive together. */
let running: Promise<string[]> | undefined
let lastReport: string | undefined

/** Called by the entry point once the process is fully started; until then /readyz answers 503. */
export function setReadinessCheck(readiness: ReadinessCheck): void {
  check = readiness
}

/** From now on /readyz answers 503, so a load balancer sends no new requests while this process drains. */
export function markDraining(): void {
  draining = true
}

async function readiness(): Promise<string[]> {
  if (draining) return ['shutting down']
  if (!check) return ['starting']
  try {
    return await check()
  } catch (error) {
    return [`database unreachable: ${(error as Error).message}`]
  }
}

function report(problems: string[]) {
  const now = problems.join('; ')
  if (now === lastReport) return
  lastReport = now
  if (problems.length) logger.warn({ problems }, 'not ready')
  else logger.info('ready')
}

const reply = (res: http.ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(body)
}

/** Answers /healthz and /readyz; false for any other path. */
export function answerHealthCheck(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const path = req.url?.split('?')[0]
  if (path === '/healthz') {
    reply(res, 200, 'ok')
    return true
  }
  if (path !== '/readyz') return false
  running ??= readiness().finally(() => {
    running = undefined
  })
  void running.then((problems) => {
    report(problems)
    reply(res, problems.length ? 503 : 200, problems.length ? 'not ready' : 'ok')
  })
  return true
}

/**
 * The platform's readiness: one small query (the applied schema migrations, which also proves the database
 * answers) and one file-system lookup (the served site link). MongoDB has no schema migrations to apply.
 */
export function platformReadiness(payload: Payload): ReadinessCheck {
  const committed = payload.db.name === 'sqlite' ? migrations.map((m) => m.name) : []
  return async () => {
    const { docs } = await payload.db.find<{ name: string }>({
      collection: 'payload-migrations',
      limit: 0,
      pagination: false,
      select: { name: true },
    })
    const applied = new Set(docs.map((d) => d.name))
    const pending = committed.filter((name) => !applied.has(name))
    return [
      ...(pending.length ? [`schema migrations not applied: ${pending.join(', ')}`] : []),
      ...(currentSiteDir() ? [] : ['no site build is served']),
    ]
  }
}
