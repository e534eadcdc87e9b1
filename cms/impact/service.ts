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
  const [facts, reading] = await Promise.all([loadFacts(payload, period, streets), readingFor(payload, period)])
  return buildReport(facts, period, { streets, now, reading })
}

/** Reads a snapshot's stored figures (JSON written by `currentReport`). */
export const reportOf = (doc: { figures?: unknown }): Report => doc.figures as Report
