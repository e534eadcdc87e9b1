import { streets } from '../../common/district.ts'
import type { DrawInput, LotteryEntry } from '../../common/lottery/input.ts'

/** A small seeded generator (mulberry32): property tests and the bench get the same inputs on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T

/** A random wave: sessions spread over the district's streets, entries with 1–3 distinct choices. */
export function randomInput(random: () => number, entries: number, sessions: number): DrawInput {
  const sessionList = Array.from({ length: sessions }, (_, i) => ({
    code: `WY26W-${String(i + 1).padStart(3, '0')}`,
    capacity: Math.floor(random() * 40),
    street: pick(random, streets),
  }))
  const entryList: LotteryEntry[] = Array.from({ length: entries }, (_, i) => {
    const wanted = Math.min(sessions, 1 + Math.floor(random() * 3))
    const choices = new Set<string>()
    while (choices.size < wanted) choices.add(pick(random, sessionList).code)
    return {
      code: `L${String(i).padStart(7, '0')}`,
      street: pick(random, streets),
      priority: random() < 0.1,
      choices: [...choices],
    }
  })
  return {
    wave: 'sample-wave',
    quotaPercent: pick(random, [0, 20, 30, 50, 100]),
    priorityLimit: Math.floor(random() * 20),
    sessions: sessionList,
    entries: entryList,
  }
}
