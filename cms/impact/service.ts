import type { Payload } from 'payload'
import { loadFacts } from './load.ts'
import type { Period } from './period.ts'
import { readingFor } from './reading.ts'
import { buildReport, type Report } from './report.ts'

/** The figures of a period as of now, limited to `streets` when the viewer is a street-scoped coordinator. */
export async function currentReport(
  payload: Payload,
  period: Period,
  streets: string[] | null,
  now = new Date(),
): Promise<Report> {
  const t0 = performance.now()
  const [facts, reading] = await Promise.all([
    loadFacts(payload, period, streets),
    readingFor(payload, period).finally(() => {
      if (process.env.IMPACT_PROFILE === '1') console.log(`${Math.round(performance.now() - t0)} ms reading`)
    }),
  ])
  const t1 = performance.now()
  const report = buildReport(facts, period, { streets, now, reading })
  if (process.env.IMPACT_PROFILE === '1')
    console.log(`${Math.round(t1 - t0)} ms facts+reading, ${Math.round(performance.now() - t1)} ms computing`)
  return report
}

/** Reads a snapshot's stored figures (JSON written by `currentReport`). */
export const reportOf = (doc: { figures?: unknown }): Report => doc.figures as Report
