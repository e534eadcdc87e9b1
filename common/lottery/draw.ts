import { type DrawInput, type LotteryEntry, normaliseInput } from './input.ts'
import { fromHex, hmacSha256, sha256Hex, toHex } from './sha256.ts'

/**
 * The draw, pure and deterministic: the same input, secret and public number give the same ranks and the same
 * offers, byte for byte, on the server and in a parent's browser.
 *
 * - commitment = SHA-256 of the secret's 32 bytes (published when entry opens);
 * - inputHash = SHA-256 of the frozen input file (published when entry closes);
 * - seed = SHA-256 of the UTF-8 text "fujia-lottery-seed v1\n<secret hex>\n<inputHash>\n<public number>\n";
 * - an entry's key = HMAC-SHA256(seed, entry code); rank 1 is the smallest key.
 *
 * Each round places every candidate (in rank order) in the first of its choices with a seat, one seat per child,
 * in three passes: the priority group (at most `priorityLimit` children placed this way), then everyone; in both
 * a child of the venue's street takes a street seat while there is one, anyone else takes a pooled seat; then
 * street seats nobody from the street took go, in rank order, to children still without a seat. Round 1 is the
 * draw; later rounds offer the seats of lapsed offers to entries never offered, in the same rank order.
 */

export type Via = 'priority' | 'street' | 'pool' | 'open'
export type Offer = { entry: string; session: string; round: number; choice: number; via: Via }
export type RankedEntry = LotteryEntry & { rank: number; key: string }
export type RoundRecord = { round: number; lapsed: string[] }
export type DrawOutcome = { seed: string; ranked: RankedEntry[]; offers: Offer[] }

export const PUBLIC_NUMBER = /^[0-9][0-9 ,.+:-]{0,62}[0-9]$|^[0-9]$/

/** Trims and collapses spaces: "03 12 18  25 + 07 " and "03 12 18 25 + 07" are one public number. */
export const normalisePublicNumber = (text: string): string => text.trim().replace(/\s+/g, ' ')

export const commitmentOf = (secretHex: string): string => sha256Hex(fromHex(secretHex))

export function seedOf(secretHex: string, inputHash: string, publicNumber: string): string {
  if (!/^[0-9a-f]{64}$/.test(secretHex)) throw new Error('the secret must be 64 lower-case hex digits')
  if (!/^[0-9a-f]{64}$/.test(inputHash)) throw new Error('the input hash must be 64 lower-case hex digits')
  const number = normalisePublicNumber(publicNumber)
  if (!PUBLIC_NUMBER.test(number)) throw new Error('the public number must be digits (spaces, commas, + allowed)')
  return sha256Hex(`fujia-lottery-seed v1\n${secretHex}\n${inputHash}\n${number}\n`)
}

/** Every entry with its key and rank, in rank order (ties, which need a SHA-256 collision, fall back to the code). */
export function rankEntries(entries: LotteryEntry[], seedHex: string): RankedEntry[] {
  const mac = hmacSha256(fromHex(seedHex))
  // Sorted on the key's first 48 bits as a number (the same order as the hex text), the full key on a tie.
  const keyed = entries.map((e) => {
    const bytes = mac(e.code)
    let head = 0
    for (let i = 0; i < 6; i++) head = head * 256 + (bytes[i] as number)
    return { entry: { ...e, rank: 0, key: toHex(bytes) }, head }
  })
  keyed.sort((a, b) => {
    if (a.head !== b.head) return a.head - b.head
    const x = a.entry
    const y = b.entry
    return x.key < y.key ? -1 : x.key > y.key ? 1 : x.code < y.code ? -1 : x.code > y.code ? 1 : 0
  })
  return keyed.map(({ entry }, i) => {
    entry.rank = i + 1
    return entry
  })
}

export const quotaSeats = (capacity: number, quotaPercent: number) => Math.floor((capacity * quotaPercent) / 100)

type Seats = { street: string; quota: number; pool: number }

/** Free street and pooled seats of each session once the offers still standing are counted. */
function freeSeats(input: DrawInput, standing: Offer[], streetOf: Map<string, string>): Map<string, Seats> {
  const seats = new Map<string, Seats & { capacity: number; held: number; localHeld: number }>()
  for (const s of input.sessions)
    seats.set(s.code, { street: s.street, capacity: s.capacity, quota: 0, pool: 0, held: 0, localHeld: 0 })
  for (const o of standing) {
    const s = seats.get(o.session)
    if (!s) continue
    s.held++
    if (streetOf.get(o.entry) === s.street) s.localHeld++
  }
  for (const s of seats.values()) {
    const free = Math.max(0, s.capacity - s.held)
    s.quota = Math.min(free, Math.max(0, quotaSeats(s.capacity, input.quotaPercent) - s.localHeld))
    s.pool = free - s.quota
  }
  return seats
}

/**
 * One round: offers for `candidates` (in rank order, none offered before) given the offers still standing.
 * `priorityBudget` is how many priority-group children may still be placed ahead of everyone.
 */
export function allocateRound(
  input: DrawInput,
  candidates: RankedEntry[],
  standing: Offer[],
  round: number,
  priorityBudget: number,
  streetOf: Map<string, string>,
): Offer[] {
  const seats = freeSeats(input, standing, streetOf)
  const offers: Offer[] = []
  const placed = new Set<string>()
  const place = (e: RankedEntry, via: 'priority' | 'general' | 'open'): boolean => {
    for (let i = 0; i < e.choices.length; i++) {
      const s = seats.get(e.choices[i] as string)
      if (!s) continue
      const local = s.street === e.street
      let kind: 'quota' | 'pool' | undefined
      if (via === 'open') kind = s.pool > 0 ? 'pool' : s.quota > 0 ? 'quota' : undefined
      else if (local && s.quota > 0) kind = 'quota'
      else if (s.pool > 0) kind = 'pool'
      if (!kind) continue
      s[kind]--
      placed.add(e.code)
      const label: Via =
        via === 'priority' ? 'priority' : via === 'open' ? 'open' : kind === 'quota' ? 'street' : 'pool'
      offers.push({ entry: e.code, session: e.choices[i] as string, round, choice: i + 1, via: label })
      return true
    }
    return false
  }
  let budget = priorityBudget
  for (const e of candidates) {
    if (budget <= 0) break
    if (e.priority && place(e, 'priority')) budget--
  }
  for (const e of candidates) if (!placed.has(e.code)) place(e, 'general')
  for (const e of candidates) if (!placed.has(e.code)) place(e, 'open')
  return offers
}

/**
 * The whole draw and its later rounds: `rounds` lists, for rounds 2.., the entries whose offers lapsed (declined
 * or not confirmed in time) before that round ran. Round 1 needs no record.
 */
export function runDraw(
  rawInput: DrawInput,
  secretHex: string,
  inputHash: string,
  publicNumber: string,
  rounds: RoundRecord[] = [],
): DrawOutcome {
  const input = normaliseInput(rawInput)
  const seed = seedOf(secretHex, inputHash, publicNumber)
  const ranked = rankEntries(input.entries, seed)
  const streetOf = new Map(input.entries.map((e) => [e.code, e.street]))
  const offers = allocateRound(input, ranked, [], 1, input.priorityLimit, streetOf)
  const offered = new Set(offers.map((o) => o.entry))
  const lapsed = new Set<string>()
  rounds.forEach((r, i) => {
    if (r.round !== i + 2) throw new Error(`round ${r.round} out of order: rounds after the draw are 2, 3, …`)
    for (const code of r.lapsed) {
      if (!offered.has(code)) throw new Error(`round ${r.round}: ${code} had no offer to lapse`)
      lapsed.add(code)
    }
    const standing = offers.filter((o) => !lapsed.has(o.entry))
    const usedPriority = standing.filter((o) => o.via === 'priority').length
    const candidates = ranked.filter((e) => !offered.has(e.code))
    const more = allocateRound(input, candidates, standing, r.round, input.priorityLimit - usedPriority, streetOf)
    for (const o of more) {
      offers.push(o)
      offered.add(o.entry)
    }
  })
  return { seed, ranked, offers }
}
