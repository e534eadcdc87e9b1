import { isDeepStrictEqual } from 'node:util'
import type { Payload } from 'payload'
import { progressBar } from '../lib/progress.ts'

export type UpsertItem = { line: number; key: string; data: Record<string, unknown> }
export type UpsertCounts = { created: number; updated: number; unchanged: number }

type KeyedCollection = 'courses' | 'lecturers' | 'communities' | 'holiday-sessions'

const relationId = (v: unknown) => (v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v)
const normalise = (v: unknown): unknown => (Array.isArray(v) ? v.map(relationId) : relationId(v))

/** True when every field the spreadsheet sets already holds that value. */
export const sameAs = (existing: Record<string, unknown>, data: Record<string, unknown>) =>
  Object.entries(data).every(([field, value]) => isDeepStrictEqual(normalise(existing[field]), normalise(value)))

/**
 * Creates or updates one document per item, matched by `keyField`. Re-running with the same items changes
 * nothing; with `dryRun` it only counts what it would do.
 */
export async function upsertByKey(
  payload: Payload,
  opts: {
    collection: KeyedCollection
    keyField: string
    items: UpsertItem[]
    dryRun: boolean
    label: string
    /** How a stored document is compared with an item (default: every field the item sets holds that value). */
    same?: (existing: Record<string, unknown>, data: Record<string, unknown>) => boolean
  },
): Promise<UpsertCounts> {
  const { collection, keyField, items, dryRun } = opts
  const found = await payload.find({
    collection,
    where: { [keyField]: { in: items.map((i) => i.key) } },
    limit: 0,
    pagination: false,
    depth: 0,
    draft: true,
    overrideAccess: true,
  })
  const existing = new Map(
    found.docs.map((doc) => [String((doc as unknown as Record<string, unknown>)[keyField]), doc]),
  )
  const counts: UpsertCounts = { created: 0, updated: 0, unchanged: 0 }
  const bar = progressBar(opts.label, items.length)
  for (const item of items) {
    const doc = existing.get(item.key) as unknown as Record<string, unknown> | undefined
    if (!doc) {
      counts.created++
      if (!dryRun) await payload.create({ collection, data: item.data as never, overrideAccess: true })
    } else if ((opts.same ?? sameAs)(doc, item.data)) {
      counts.unchanged++
    } else {
      counts.updated++
      if (!dryRun)
        await payload.update({ collection, id: doc.id as number, data: item.data as never, overrideAccess: true })
    }
    bar.tick()
  }
  bar.finish()
  return counts
}
