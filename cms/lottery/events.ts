import { randomUUID } from 'node:crypto'
import type { Payload } from 'payload'
import type { DocId } from '../booking/schemas.ts'

type Kind =
  | 'committed'
  | 'entered'
  | 'changed'
  | 'withdrawn'
  | 'frozen'
  | 'drawn'
  | 'offered'
  | 'confirmed'
  | 'declined'
  | 'expired'
  | 'round'
  | 'fcfs'

type EventData = { wave: DocId; kind: Kind; at: Date; entryCode?: string; detail?: Record<string, unknown> }

/** Records one step of a lottery wave. */
export async function recordEvent(payload: Payload, event: EventData): Promise<void> {
  await payload.create({
    collection: 'lottery-events',
    data: { ...event, wave: event.wave as number, at: event.at.toISOString(), onceKey: randomUUID() },
    overrideAccess: true,
  })
}

/**
 * Claims a step that may happen once per wave (freeze, draw, a round, leftovers opening) by inserting its event
 * under a unique key: true for the one process whose insert succeeds, false for every other (the unique index
 * in the database decides, whichever the adapter).
 */
export async function claimOnce(payload: Payload, onceKey: string, event: EventData): Promise<boolean> {
  try {
    await payload.create({
      collection: 'lottery-events',
      data: { ...event, wave: event.wave as number, at: event.at.toISOString(), onceKey },
      overrideAccess: true,
    })
    return true
  } catch (error) {
    const { totalDocs } = await payload.count({
      collection: 'lottery-events',
      where: { onceKey: { equals: onceKey } },
      overrideAccess: true,
    })
    if (totalDocs > 0) return false
    throw error
  }
}
