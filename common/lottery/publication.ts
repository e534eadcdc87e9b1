import { commitmentOf, type DrawOutcome, normalisePublicNumber, runDraw } from './draw.ts'
import { type DrawInput, parseInput, serialiseInput } from './input.ts'
import { sha256Hex } from './sha256.ts'

/**
 * What a wave publishes about its draw, and the check anyone can run on it (the verify page and
 * `npm run lottery:verify` both call `verifyPublication`):
 *
 *   input.txt   the frozen input (see input.ts)
 *   draw.json   the record below: commitment, secret, input hash, public number, seed, rounds, result hash
 *   result.csv  one line per entry in rank order: rank, entry code, key, round, session, choice, how
 */

export const RECORD_FORMAT = 'fujia-lottery v1'

export type DrawRecord = {
  format: typeof RECORD_FORMAT
  wave: string
  commitment: string
  committedAt: string
  inputHash: string
  frozenAt: string
  publicNumber: string
  publicSource: string
  secret: string
  seed: string
  drawnAt: string
  rounds: { round: number; at: string; lapsed: string[] }[]
  resultHash: string
}

const HEX64 = /^[0-9a-f]{64}$/

/**
 * Checks a downloaded draw.json field by field (by hand rather than with zod: the verify page stays small on a
 * phone). Returns the first problem in Chinese, or the record.
 */
export function readDrawRecord(value: unknown): { record: DrawRecord } | { problem: string } {
  const r = value as Record<string, unknown>
  if (!r || typeof r !== 'object') return { problem: '不是 JSON 对象' }
  if (r.format !== RECORD_FORMAT) return { problem: `format 应为 "${RECORD_FORMAT}"` }
  for (const key of ['commitment', 'inputHash', 'secret', 'seed', 'resultHash'])
    if (typeof r[key] !== 'string' || !HEX64.test(r[key] as string)) return { problem: `${key} 应为 64 位十六进制` }
  for (const key of ['wave', 'committedAt', 'frozenAt', 'publicNumber', 'publicSource', 'drawnAt'])
    if (typeof r[key] !== 'string') return { problem: `${key} 应为文字` }
  const rounds = r.rounds
  if (
    !Array.isArray(rounds) ||
    !rounds.every(
      (x) =>
        x &&
        Number.isInteger(x.round) &&
        typeof x.at === 'string' &&
        Array.isArray(x.lapsed) &&
        x.lapsed.every((c: unknown) => typeof c === 'string'),
    )
  )
    return { problem: 'rounds 格式不对' }
  return { record: r as DrawRecord }
}

const viaLabel = { priority: '优先组', street: '本街道名额', pool: '统一名额', open: '剩余名额' } as const

export const RESULT_HEADER = '名次,抽签码,排序值,轮次,场次,志愿,方式'

/** The result table, one line per entry in rank order; entries with no offer have empty round and session. */
export function serialiseResult(outcome: DrawOutcome): string {
  const offerOf = new Map(outcome.offers.map((o) => [o.entry, o]))
  const lines = [RESULT_HEADER]
  for (const e of outcome.ranked) {
    const o = offerOf.get(e.code)
    const cells = o ? [o.round, o.session, o.choice, viaLabel[o.via]] : ['', '', '', '']
    lines.push([e.rank, e.code, e.key.slice(0, 16), ...cells].join(','))
  }
  return `${lines.join('\n')}\n`
}

export type ResultRow = { rank: number; entry: string; key: string; round?: number; session?: string; choice?: number }

export function parseResult(csv: string): ResultRow[] {
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\n')
  if (lines[0] !== RESULT_HEADER) throw new Error('result.csv: unexpected header')
  return lines.slice(1).map((line) => {
    const [rank, entry, key, round, session, choice] = line.split(',')
    return {
      rank: Number(rank),
      entry: entry ?? '',
      key: key ?? '',
      round: round ? Number(round) : undefined,
      session: session || undefined,
      choice: choice ? Number(choice) : undefined,
    }
  })
}

export type Check = { label: string; ok: boolean; detail?: string }
export type Verification = { ok: boolean; checks: Check[]; outcome?: DrawOutcome; entries: number; offers: number }

/** Recomputes everything a wave published and says, step by step, whether it matches. */
export function verifyPublication(files: { input: string; record: unknown; result: string }): Verification {
  const checks: Check[] = []
  const done = (outcome?: DrawOutcome): Verification => ({
    ok: checks.every((c) => c.ok),
    checks,
    outcome,
    entries: outcome?.ranked.length ?? 0,
    offers: outcome?.offers.length ?? 0,
  })
  const read = readDrawRecord(files.record)
  if ('problem' in read) {
    checks.push({ label: '抽签记录（draw.json）格式正确', ok: false, detail: read.problem })
    return done()
  }
  const { record } = read
  const commitment = commitmentOf(record.secret)
  checks.push({
    label: '公布的密钥与报名开始时公布的承诺值相符',
    ok: commitment === record.commitment,
    detail: `SHA-256(密钥) = ${commitment}`,
  })
  const inputHash = sha256Hex(files.input)
  checks.push({
    label: '报名名单文件与截止时公布的哈希值相符',
    ok: inputHash === record.inputHash,
    detail: `SHA-256(名单) = ${inputHash}`,
  })
  let input: ReturnType<typeof parseInput>
  try {
    input = parseInput(files.input)
    checks.push({
      label: '报名名单文件格式正确',
      ok: input.wave === record.wave,
      detail: `${input.entries.length} 条报名`,
    })
  } catch (error) {
    checks.push({ label: '报名名单文件格式正确', ok: false, detail: (error as Error).message })
    return done()
  }
  let outcome: DrawOutcome
  try {
    outcome = runDraw(input, record.secret, record.inputHash, record.publicNumber, record.rounds)
  } catch (error) {
    checks.push({ label: '重新计算抽签', ok: false, detail: (error as Error).message })
    return done()
  }
  checks.push({ label: '种子由密钥、名单哈希和公开号码算出', ok: outcome.seed === record.seed, detail: outcome.seed })
  const result = serialiseResult(outcome)
  const published = files.result.replace(/^\uFEFF/, '')
  const resultHash = sha256Hex(result)
  checks.push({
    label: '重新计算的结果与公布的结果逐字相同',
    ok: result === published && resultHash === record.resultHash,
    detail: result === published ? `SHA-256(结果) = ${resultHash}` : firstDifference(result, published),
  })
  return done(outcome)
}

function firstDifference(computed: string, published: string): string {
  const a = computed.split('\n')
  const b = published.split('\n')
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if (a[i] !== b[i]) return `第 ${i + 1} 行不同：算出「${a[i] ?? ''}」，公布「${b[i] ?? ''}」`
  return '内容相同但哈希不符'
}

export type PublishArgs = {
  input: DrawInput
  secret: string
  publicNumber: string
  publicSource: string
  committedAt: string
  frozenAt: string
  drawnAt: string
  rounds: DrawRecord['rounds']
}

/** The three published files of a draw (and of its rounds so far); what the server stores and serves. */
export function publish(args: PublishArgs): {
  input: string
  record: DrawRecord
  result: string
  outcome: DrawOutcome
} {
  const input = serialiseInput(args.input)
  const inputHash = sha256Hex(input)
  const outcome = runDraw(args.input, args.secret, inputHash, args.publicNumber, args.rounds)
  const result = serialiseResult(outcome)
  const record: DrawRecord = {
    format: RECORD_FORMAT,
    wave: args.input.wave,
    commitment: commitmentOf(args.secret),
    committedAt: args.committedAt,
    inputHash,
    frozenAt: args.frozenAt,
    publicNumber: normalisePublicNumber(args.publicNumber),
    publicSource: args.publicSource,
    secret: args.secret,
    seed: outcome.seed,
    drawnAt: args.drawnAt,
    rounds: args.rounds,
    resultHash: sha256Hex(result),
  }
  return { input, record, result, outcome }
}
