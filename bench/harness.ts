/**
 * What the API benchmarks share: two server processes on one throwaway SQLite file, a signed-in admin for the
 * baseline, the baseline itself (plain Payload REST creates into a hook-free collection) and the table rows.
 */
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import { startTestPayload, type TestPayload } from '../tests/helpers/payload.ts'
import { type ApiServer, startApiServer } from '../tests/helpers/servers.ts'
import { type BurstResult, fmt } from './stats.ts'

/**
 * The baseline's collection: Payload's own small document-lock collection, which runs no hooks (so no site-build
 * request, which a booking does not make either) and takes creates from any signed-in user.
 */
export const BASELINE_COLLECTION = 'payload-locked-documents'

/** Sends one JSON POST and answers its status (the body is read, so the timing includes it). */
export const post = (server: ApiServer, route: string, body: unknown, headers: Record<string, string>) => async () => {
  const response = await fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  await response.arrayBuffer()
  return response.status
}

/** A plain create would not be plain if the collection ran hooks (a site-build request above all): refuse to compare. */
function assertHookFree(payload: Payload, slug: CollectionSlug) {
  const hooks = Object.entries(payload.collections[slug].config.hooks)
  const present = hooks.filter(([, list]) => list?.length).map(([name]) => name)
  if (present.length) throw new Error(`The baseline collection ${slug} runs hooks (${present.join(', ')})`)
}

export type BenchServers = {
  ctx: TestPayload
  servers: ApiServer[]
  /** Alternates between the two processes. */
  pick: (i: number) => ApiServer
  /** A plain REST create of the baseline collection through `server`. */
  baselineCreate: (server: ApiServer, name: string) => () => Promise<number>
  stop: () => Promise<void>
}

/** A throwaway database with the schema pushed (as in the tests), two API processes on it and an admin's token. */
export async function startBenchServers(): Promise<BenchServers> {
  Object.assign(process.env, { NODE_ENV: 'test' })
  const ctx = await startTestPayload()
  const env = {
    DATABASE_URI: `file:${path.join(ctx.dir, 'test.db')}`,
    DATA_DIR: ctx.dir,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? '',
  }
  const servers = await Promise.all([startApiServer(env), startApiServer(env)])
  const stop = async () => {
    await Promise.all(servers.map((s) => s.stop()))
    await ctx.close()
  }
  try {
    assertHookFree(ctx.payload, BASELINE_COLLECTION)
    const user = await ctx.payload.create({
      collection: 'users',
      data: { name: 'bench', email: 'bench@fujia.local', password: 'bench-password-1', roles: ['admin'] },
      overrideAccess: true,
    })
    const { token } = await ctx.payload.login({
      collection: 'users',
      data: { email: 'bench@fujia.local', password: 'bench-password-1' },
    })
    const auth = { authorization: `JWT ${token}` }
    return {
      ctx,
      servers,
      pick: (i) => servers[i % 2] as ApiServer,
      baselineCreate: (server, name) =>
        post(
          server,
          `/api/${BASELINE_COLLECTION}`,
          { globalSlug: name, user: { relationTo: 'users', value: user.id } },
          auth,
        ),
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

export const count5xx = (statuses: Record<number, number>) =>
  Object.entries(statuses).reduce((n, [status, c]) => (Number(status) >= 500 || status === '0' ? n + c : n), 0)

export const row = (r: BurstResult) => ({
  'total ms': fmt(r.ms),
  'req/s': fmt(r.perSecond),
  'p50 ms': fmt(r.p50),
  'p99 ms': fmt(r.p99),
  statuses: JSON.stringify(r.statuses),
})
