import { describe, expect, it } from 'vitest'
import { slotKeys } from '../../cms/dispatch/commitments/mongodb.ts'
import { overlaps } from '../../cms/dispatch/matching.ts'

/** MongoDB refuses overlapping commitments through shared slot keys: they must share a key exactly when they overlap. */
describe('MongoDB commitment slot keys', () => {
  const at = (h: number, m: number) => new Date(Date.UTC(2026, 11, 12, h, m))
  const lecturer = '65f0c0ffee0000000000abcd'

  it('share a key exactly when two 5-minute-aligned intervals overlap', () => {
    const times = [0, 5, 10, 30, 55, 60, 90, 120].map((m) => at(1, 0).getTime() + m * 60_000)
    const intervals = times.flatMap((s) =>
      times.filter((e) => e > s).map((e) => ({ startsAt: new Date(s), endsAt: new Date(e) })),
    )
    for (const a of intervals) {
      const keysA = new Set(slotKeys(lecturer, a.startsAt, a.endsAt))
      for (const b of intervals) {
        const shared = slotKeys(lecturer, b.startsAt, b.endsAt).some((k) => keysA.has(k))
        expect(shared, `${a.startsAt.toISOString()}–${a.endsAt.toISOString()} vs ${b.startsAt.toISOString()}`).toBe(
          overlaps(a, b),
        )
      }
    }
  })

  it('are per lecturer', () => {
    const a = slotKeys(lecturer, at(1, 0), at(2, 0))
    const b = slotKeys('65f0c0ffee0000000000dcba', at(1, 0), at(2, 0))
    expect(a).toHaveLength(12)
    expect(a.some((k) => b.includes(k))).toBe(false)
  })
})
