import { createHash, createHmac, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { commitmentOf, type Offer, quotaSeats, rankEntries, runDraw, seedOf } from '../../common/lottery/draw.ts'
import { type DrawInput, type LotteryEntry, parseInput, serialiseInput } from '../../common/lottery/input.ts'
import { publish, serialiseResult, verifyPublication } from '../../common/lottery/publication.ts'
import { hmacSha256, sha256Hex, toHex } from '../../common/lottery/sha256.ts'
import { randomInput, rng } from '../helpers/lotteryInputs.ts'

const SECRET = 'a'.repeat(64)
const NUMBER = '03 12 18 25 30 + 07'

describe('SHA-256 and HMAC in plain TypeScript', () => {
  it('match node:crypto on every length around the block boundaries and on random data', () => {
    for (let n = 0; n < 200; n++) {
      const data = randomBytes(n)
      expect(sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'))
    }
    const big = randomBytes(100_000)
    expect(sha256Hex(big)).toBe(createHash('sha256').update(big).digest('hex'))
    expect(sha256Hex('福家 摇号')).toBe(createHash('sha256').update('福家 摇号').digest('hex'))
  })

  it('HMAC matches for short, block-sized and long keys', () => {
    for (const keyLength of [0, 1, 32, 63, 64, 65, 200]) {
      const key = randomBytes(keyLength)
      const mac = hmacSha256(key)
      for (const message of ['', 'L2345678', 'x'.repeat(130)])
        expect(toHex(mac(message))).toBe(createHmac('sha256', key).update(message).digest('hex'))
    }
  })
})

const small: DrawInput = {
  wave: 'w1',
  quotaPercent: 50,
  priorityLimit: 1,
  sessions: [
    { code: 'S-B', capacity: 1, street: '福田街道' },
    { code: 'S-A', capacity: 2, street: '园岭街道' },
  ],
  entries: [
    { code: 'E3', street: '园岭街道', priority: false, choices: ['S-A'] },
    { code: 'E1', street: '福田街道', priority: true, choices: ['S-A', 'S-B'] },
    { code: 'E2', street: '福田街道', priority: false, choices: ['S-B', 'S-A'] },
  ],
}

describe('the frozen input file', () => {
  it('is canonical: sorted, tab-separated, one line per session and entry, parsed back to the same text', () => {
    const text = serialiseInput(small)
    expect(text).toBe(
      [
        'fujia-lottery-input v1',
        'wave\tw1',
        'quota-percent\t50',
        'priority-limit\t1',
        'session\tS-A\t2\t园岭街道',
        'session\tS-B\t1\t福田街道',
        'entry\tE1\t福田街道\t1\tS-A,S-B',
        'entry\tE2\t福田街道\t0\tS-B,S-A',
        'entry\tE3\t园岭街道\t0\tS-A',
        '',
      ].join('\n'),
    )
    expect(serialiseInput(parseInput(text))).toBe(text)
  })

  it('refuses a fourth choice, an unknown session, a repeated entry and a file out of order', () => {
    const [first] = small.entries as [LotteryEntry]
    const withChoices = (choices: string[]) => ({ ...small, entries: [{ ...first, choices }] })
    expect(() => serialiseInput(withChoices(['S-A', 'S-B', 'S-A']))).toThrow(/twice/)
    expect(() => serialiseInput(withChoices(['S-A', 'S-B', 'S-C', 'S-D']))).toThrow(/1 to 3/)
    expect(() => serialiseInput(withChoices(['S-X']))).toThrow(/unknown session/)
    expect(() => serialiseInput({ ...small, entries: [first, first] })).toThrow(/twice/)
    const text = serialiseInput(small)
    const lines = text.split('\n')
    const swapped = [...lines.slice(0, 6), lines[7], lines[6], ...lines.slice(8)].join('\n')
    expect(() => parseInput(swapped)).toThrow(/canonical/)
  })
})

describe('the draw', () => {
  const hash = sha256Hex(serialiseInput(small))

  it('derives the seed from the secret, the frozen list and the public number, each of which changes it', () => {
    const seed = seedOf(SECRET, hash, NUMBER)
    expect(seed).toBe(sha256Hex(`fujia-lottery-seed v1\n${SECRET}\n${hash}\n${NUMBER}\n`))
    expect(seedOf(SECRET, hash, ' 03 12 18  25 30 + 07 ')).toBe(seed)
    expect(seedOf('b'.repeat(64), hash, NUMBER)).not.toBe(seed)
    expect(seedOf(SECRET, 'c'.repeat(64), NUMBER)).not.toBe(seed)
    expect(seedOf(SECRET, hash, '03 12 18 25 30 + 08')).not.toBe(seed)
    expect(commitmentOf(SECRET)).toBe(createHash('sha256').update(Buffer.from(SECRET, 'hex')).digest('hex'))
  })

  it('ranks by HMAC-SHA256(seed, entry code), smallest first', () => {
    const seed = seedOf(SECRET, hash, NUMBER)
    const ranked = rankEntries(small.entries, seed)
    const keys = small.entries.map((e) => ({
      code: e.code,
      key: createHmac('sha256', Buffer.from(seed, 'hex')).update(e.code).digest('hex'),
    }))
    keys.sort((a, b) => a.key.localeCompare(b.key))
    expect(ranked.map((e) => [e.code, e.key, e.rank])).toEqual(keys.map((k, i) => [k.code, k.key, i + 1]))
  })

  it('gives the same bytes when run twice, and the order of entries given does not matter', () => {
    const a = serialiseResult(runDraw(small, SECRET, hash, NUMBER))
    const b = serialiseResult(runDraw({ ...small, entries: [...small.entries].reverse() }, SECRET, hash, NUMBER))
    expect(a).toBe(b)
    const big = randomInput(rng(7), 2000, 40)
    const bigHash = sha256Hex(serialiseInput(big))
    expect(serialiseResult(runDraw(big, SECRET, bigHash, NUMBER))).toBe(
      serialiseResult(runDraw(structuredClone(big), SECRET, bigHash, NUMBER)),
    )
  })

  /** Fixes the ranks: entries named in rank order, so the expected offers can be worked out by hand. */
  const inOrder = (input: DrawInput) => {
    // Brute-force a seed whose ranks follow the codes' order: keeps the hand-worked cases readable.
    for (let n = 0; ; n++) {
      const number = String(n)
      const ranked = rankEntries(input.entries, seedOf(SECRET, hash, number))
      const codes = ranked.map((e) => e.code)
      if (codes.join() === [...codes].sort().join()) return number
    }
  }

  it('gives each child the highest-ranked choice that still has a seat, one seat per child', () => {
    const input: DrawInput = {
      wave: 'w',
      quotaPercent: 0,
      priorityLimit: 0,
      sessions: [
        { code: 'A', capacity: 1, street: 's' },
        { code: 'B', capacity: 1, street: 's' },
      ],
      entries: [
        { code: 'E1', street: 's', priority: false, choices: ['A', 'B'] },
        { code: 'E2', street: 's', priority: false, choices: ['A', 'B'] },
        { code: 'E3', street: 's', priority: false, choices: ['A', 'B'] },
      ],
    }
    const offers = runDraw(input, SECRET, hash, inOrder(input)).offers
    expect(offers).toEqual([
      { entry: 'E1', session: 'A', round: 1, choice: 1, via: 'pool' },
      { entry: 'E2', session: 'B', round: 1, choice: 2, via: 'pool' },
    ])
  })

  it('keeps a street share for children of the venue street, then opens what they left to everyone', () => {
    const input: DrawInput = {
      wave: 'w',
      quotaPercent: 50,
      priorityLimit: 0,
      sessions: [{ code: 'A', capacity: 4, street: 'home' }],
      entries: [
        { code: 'E1', street: 'away', priority: false, choices: ['A'] },
        { code: 'E2', street: 'away', priority: false, choices: ['A'] },
        { code: 'E3', street: 'away', priority: false, choices: ['A'] },
        { code: 'E4', street: 'home', priority: false, choices: ['A'] },
        { code: 'E5', street: 'away', priority: false, choices: ['A'] },
      ],
    }
    const offers = runDraw(input, SECRET, hash, inOrder(input)).offers
    // Two pooled seats to the first two; E3 waits behind the street share; E4 takes a street seat; the street
    // seat nobody else from the street wanted goes to E3, the best-ranked child still without a seat.
    expect(offers.map((o) => [o.entry, o.via])).toEqual([
      ['E1', 'pool'],
      ['E2', 'pool'],
      ['E4', 'street'],
      ['E3', 'open'],
    ])
  })

  it('draws a bounded priority group first', () => {
    const input: DrawInput = {
      wave: 'w',
      quotaPercent: 0,
      priorityLimit: 1,
      sessions: [{ code: 'A', capacity: 2, street: 's' }],
      entries: [
        { code: 'E1', street: 's', priority: false, choices: ['A'] },
        { code: 'E2', street: 's', priority: true, choices: ['A'] },
        { code: 'E3', street: 's', priority: true, choices: ['A'] },
      ],
    }
    const offers = runDraw(input, SECRET, hash, inOrder(input)).offers
    // E2 (priority, within the bound of 1) first; E3 is over the bound and is drawn with everyone after E1.
    expect(offers.map((o) => [o.entry, o.via])).toEqual([
      ['E2', 'priority'],
      ['E1', 'pool'],
    ])
  })

  it('offers lapsed seats in later rounds to entries never offered, in rank order', () => {
    const input: DrawInput = {
      wave: 'w',
      quotaPercent: 0,
      priorityLimit: 0,
      sessions: [
        { code: 'A', capacity: 1, street: 's' },
        { code: 'B', capacity: 1, street: 's' },
      ],
      entries: [
        { code: 'E1', street: 's', priority: false, choices: ['A'] },
        { code: 'E2', street: 's', priority: false, choices: ['B'] },
        { code: 'E3', street: 's', priority: false, choices: ['B'] },
        { code: 'E4', street: 's', priority: false, choices: ['A'] },
        { code: 'E5', street: 's', priority: false, choices: ['A'] },
      ],
    }
    const number = inOrder(input)
    const outcome = runDraw(input, SECRET, hash, number, [
      { round: 2, lapsed: ['E1'] },
      { round: 3, lapsed: ['E4'] },
    ])
    expect(outcome.offers.map((o) => [o.entry, o.session, o.round])).toEqual([
      ['E1', 'A', 1],
      ['E2', 'B', 1],
      ['E4', 'A', 2],
      ['E5', 'A', 3],
    ])
    expect(() => runDraw(input, SECRET, hash, number, [{ round: 2, lapsed: ['E3'] }])).toThrow(/no offer/)
    expect(() => runDraw(input, SECRET, hash, number, [{ round: 3, lapsed: [] }])).toThrow(/order/)
  })
})

/** Checks every rule on one random draw and its rounds; returns a message for the first broken one. */
function brokenRule(input: DrawInput, offers: Offer[], lapsed: Set<string>, streetShare: boolean): string | undefined {
  const entry = new Map(input.entries.map((e) => [e.code, e]))
  const session = new Map(input.sessions.map((s) => [s.code, s]))
  const seen = new Set<string>()
  for (const o of offers) {
    if (seen.has(o.entry)) return `${o.entry} placed twice`
    seen.add(o.entry)
    const e = entry.get(o.entry)
    if (!e) return `unknown entry ${o.entry}`
    if (e.choices[o.choice - 1] !== o.session) return `${o.entry} placed outside its choices`
  }
  const standing = offers.filter((o) => !lapsed.has(o.entry))
  for (const s of input.sessions) {
    const here = standing.filter((o) => o.session === s.code)
    if (here.length > s.capacity) return `${s.code} over capacity`
    if (!streetShare) continue
    // Street share: a child of the street who wanted this session and was not given it (or a better choice)
    // may only be left out if the session is full with street children filling its share.
    const locals = here.filter((o) => entry.get(o.entry)?.street === s.street).length
    const awayBeyondPool = here.length - locals > s.capacity - quotaSeats(s.capacity, input.quotaPercent)
    if (!awayBeyondPool) continue
    for (const e of input.entries) {
      if (e.street !== s.street || lapsed.has(e.code)) continue
      const want = e.choices.indexOf(s.code)
      if (want < 0) continue
      const got = offers.find((o) => o.entry === e.code)
      if (!got || got.choice - 1 > want) return `${s.code}: street seat went away while ${e.code} of the street waited`
    }
  }
  for (const o of offers) if (!session.has(o.session)) return `unknown session ${o.session}`
  return undefined
}

describe('the draw on random inputs (property tests, seeded)', () => {
  it('never overfills a session, places a child once and only in a choice, keeps the street share and priority bound', () => {
    for (let trial = 0; trial < 300; trial++) {
      const random = rng(trial + 1)
      const input = randomInput(random, 1 + Math.floor(random() * 80), 1 + Math.floor(random() * 12))
      const inputHash = sha256Hex(serialiseInput(input))
      const first = runDraw(input, SECRET, inputHash, String(trial))
      const lapsed = first.offers.filter(() => random() < 0.3).map((o) => o.entry)
      const outcome = runDraw(input, SECRET, inputHash, String(trial), [{ round: 2, lapsed }])
      expect(brokenRule(input, first.offers, new Set(), true), `trial ${trial}`).toBeUndefined()
      expect(brokenRule(input, outcome.offers, new Set(lapsed), false), `trial ${trial}`).toBeUndefined()
      expect(outcome.offers.filter((o) => o.via === 'priority' && o.round === 1).length).toBeLessThanOrEqual(
        input.priorityLimit,
      )
      // Nobody is left out while one of their choices still has a free seat after the round.
      const taken = new Map<string, number>()
      for (const o of outcome.offers)
        if (!lapsed.includes(o.entry)) taken.set(o.session, (taken.get(o.session) ?? 0) + 1)
      const offered = new Set(outcome.offers.map((o) => o.entry))
      for (const e of input.entries) {
        if (offered.has(e.code)) continue
        for (const c of e.choices) {
          const capacity = input.sessions.find((x) => x.code === c)?.capacity
          expect(taken.get(c) ?? 0, `trial ${trial}: ${e.code} left out of ${c}`).toBe(capacity)
        }
      }
    }
  })
})

describe('publication and verification', () => {
  it('passes on what the draw published and fails when any file is altered', () => {
    const input = randomInput(rng(42), 300, 10)
    const files = publish({
      input,
      secret: SECRET,
      publicNumber: NUMBER,
      publicSource: '测试',
      committedAt: '2026-07-01T00:00:00Z',
      frozenAt: '2026-07-04T00:00:00Z',
      drawnAt: '2026-07-04T12:00:00Z',
      rounds: [],
    })
    const ok = verifyPublication(files)
    expect(ok.checks.filter((c) => !c.ok)).toEqual([])
    expect(ok.ok).toBe(true)

    const record = files.record as Record<string, unknown>
    expect(verifyPublication({ ...files, record: { ...record, secret: 'b'.repeat(64) } }).ok).toBe(false)
    expect(verifyPublication({ ...files, record: { ...record, publicNumber: '1' } }).ok).toBe(false)
    const lines = files.result.split('\n')
    const [rank, code, key, , , ,] = (lines[2] as string).split(',')
    lines[2] = [rank, code, key, '1', input.sessions[0]?.code, '1', '统一名额'].join(',')
    const tampered = verifyPublication({ ...files, result: lines.join('\n') })
    expect(tampered.ok).toBe(false)
    expect(tampered.checks.at(-1)?.detail).toMatch(/第 3 行不同/)
    const otherInput = files.input.replace('entry\t', 'entry\tX')
    expect(verifyPublication({ ...files, input: otherInput }).ok).toBe(false)
  })
})
