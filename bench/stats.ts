export const percentile = (sorted: number[], p: number): number =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0) : 0

export type BurstResult = { ms: number; perSecond: number; p50: number; p99: number; statuses: Record<number, number> }

/** Fires every request at once and times each one and the whole burst. */
export async function burst(requests: (() => Promise<number>)[]): Promise<BurstResult> {
  const started = performance.now()
  const latencies: number[] = []
  const statuses: Record<number, number> = {}
  await Promise.all(
    requests.map(async (send) => {
      const t0 = performance.now()
      const status = await send().catch(() => 0)
      latencies.push(performance.now() - t0)
      statuses[status] = (statuses[status] ?? 0) + 1
    }),
  )
  const ms = performance.now() - started
  latencies.sort((a, b) => a - b)
  return {
    ms,
    perSecond: (requests.length / ms) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
  }
}

export const fmt = (n: number, digits = 0) => n.toFixed(digits)
