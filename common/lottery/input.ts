/**
 * The frozen draw input: the wave's rules, its sessions and every entry, written as one canonical text file so
 * that its SHA-256 is the same wherever it is computed. Nothing in it names a child or a phone: an entry is its
 * code, the child's street (for street quotas), whether it is in the priority group and its ranked choices.
 *
 *   fujia-lottery-input v1
 *   wave<TAB>wave id
 *   quota-percent<TAB>0..100          share of each session's seats first for children of the venue's street
 *   priority-limit<TAB>0..            at most this many priority-group children are placed before everyone else
 *   session<TAB>code<TAB>capacity<TAB>street      sorted by code
 *   entry<TAB>code<TAB>street<TAB>0|1<TAB>choice,choice,choice   sorted by code
 *
 * Lines end with LF, the file ends with one; UTF-8 without BOM.
 */

export const INPUT_HEADER = 'fujia-lottery-input v1'
export const MAX_CHOICES = 3

export type LotterySession = { code: string; capacity: number; street: string }
export type LotteryEntry = { code: string; street: string; priority: boolean; choices: string[] }
export type DrawInput = {
  wave: string
  quotaPercent: number
  priorityLimit: number
  sessions: LotterySession[]
  entries: LotteryEntry[]
}

/** Entry and session codes: capitals, digits and dashes. Streets and wave ids: letters, digits, dashes. */
const CODE = /^[A-Z0-9][A-Z0-9-]{0,31}$/
const WORD = /^[\p{L}\p{N}_-]{1,40}$/u

export class LotteryInputError extends Error {}

const fail = (message: string): never => {
  throw new LotteryInputError(message)
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)

/** Checks what the draw relies on; returns the input with sessions and entries in canonical order. */
export function normaliseInput(input: DrawInput): DrawInput {
  if (!WORD.test(input.wave)) fail(`wave id "${input.wave}" is not a word`)
  if (!Number.isInteger(input.quotaPercent) || input.quotaPercent < 0 || input.quotaPercent > 100)
    fail('quota-percent must be an integer 0..100')
  if (!Number.isInteger(input.priorityLimit) || input.priorityLimit < 0) fail('priority-limit must be an integer ≥ 0')
  const sessions = [...input.sessions].sort(byCode)
  const known = new Set<string>()
  for (const s of sessions) {
    if (!CODE.test(s.code)) fail(`session code "${s.code}" is malformed`)
    if (known.has(s.code)) fail(`session ${s.code} appears twice`)
    known.add(s.code)
    if (!Number.isInteger(s.capacity) || s.capacity < 0) fail(`session ${s.code}: capacity must be an integer ≥ 0`)
    if (!WORD.test(s.street)) fail(`session ${s.code}: street "${s.street}" is not a word`)
  }
  const entries = [...input.entries].sort(byCode)
  let previous = ''
  for (const e of entries) {
    if (!CODE.test(e.code)) fail(`entry code "${e.code}" is malformed`)
    if (e.code === previous) fail(`entry ${e.code} appears twice`)
    previous = e.code
    if (!WORD.test(e.street)) fail(`entry ${e.code}: street "${e.street}" is not a word`)
    if (e.choices.length < 1 || e.choices.length > MAX_CHOICES) fail(`entry ${e.code}: 1 to ${MAX_CHOICES} choices`)
    if (new Set(e.choices).size !== e.choices.length) fail(`entry ${e.code}: a session is chosen twice`)
    for (const c of e.choices) if (!known.has(c)) fail(`entry ${e.code}: unknown session ${c}`)
  }
  return { ...input, sessions, entries }
}

export function serialiseInput(input: DrawInput): string {
  const n = normaliseInput(input)
  const lines = [
    INPUT_HEADER,
    `wave\t${n.wave}`,
    `quota-percent\t${n.quotaPercent}`,
    `priority-limit\t${n.priorityLimit}`,
  ]
  for (const s of n.sessions) lines.push(`session\t${s.code}\t${s.capacity}\t${s.street}`)
  for (const e of n.entries) lines.push(`entry\t${e.code}\t${e.street}\t${e.priority ? 1 : 0}\t${e.choices.join(',')}`)
  return `${lines.join('\n')}\n`
}

const integer = (text: string, line: number): number =>
  /^(0|[1-9]\d*)$/.test(text) ? Number(text) : fail(`line ${line}: "${text}" is not a whole number`)

/** Reads a published input file; only the canonical form is accepted (it must serialise back to the same text). */
export function parseInput(text: string): DrawInput {
  if (!text.endsWith('\n')) fail('the file must end with a newline')
  const lines = text.slice(0, -1).split('\n')
  if (lines[0] !== INPUT_HEADER) fail(`the first line must be "${INPUT_HEADER}"`)
  const header = (index: number, key: string): string => {
    const [k, v, ...rest] = (lines[index] ?? '').split('\t')
    if (k !== key || v === undefined || rest.length) fail(`line ${index + 1} must be "${key}<TAB>value"`)
    return v as string
  }
  const input: DrawInput = {
    wave: header(1, 'wave'),
    quotaPercent: integer(header(2, 'quota-percent'), 3),
    priorityLimit: integer(header(3, 'priority-limit'), 4),
    sessions: [],
    entries: [],
  }
  for (let i = 4; i < lines.length; i++) {
    const parts = (lines[i] as string).split('\t')
    if (parts[0] === 'session' && parts.length === 4 && !input.entries.length) {
      input.sessions.push({
        code: parts[1] as string,
        capacity: integer(parts[2] as string, i + 1),
        street: parts[3] as string,
      })
    } else if (parts[0] === 'entry' && parts.length === 5 && (parts[3] === '0' || parts[3] === '1')) {
      input.entries.push({
        code: parts[1] as string,
        street: parts[2] as string,
        priority: parts[3] === '1',
        choices: (parts[4] as string).split(','),
      })
    } else fail(`line ${i + 1} is neither a session nor an entry line`)
  }
  if (serialiseInput(input) !== text) fail('the file is not in canonical order')
  return input
}
