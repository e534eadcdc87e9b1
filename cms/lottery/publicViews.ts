import type { Payload } from 'payload'
import { parseResult } from '../../common/lottery/publication.ts'
import { LOTTERY_FILES } from '../../common/lottery/urls.ts'
import { BookingError } from '../booking/errors.ts'
import type { DocId } from '../booking/schemas.ts'
import { drawOf, ensureCommitment, entryWindow, lotteryWave } from './steps.ts'

/**
 * GET /api/lottery-draws/:wave/info: what the wave's page shows before and during entry: the rules, the window,
 * the draw time, the public number's source, the commitment, and (once frozen/drawn) the hashes and counts.
 */
export async function lotteryInfo(payload: Payload, waveId: DocId, now = new Date()) {
  const wave = await lotteryWave(payload, waveId)
  const draw =
    now.getTime() < entryWindow(wave).closesAt
      ? await ensureCommitment(payload, wave, now)
      : await drawOf(payload, wave.id)
  const sessions = await payload.find({
    collection: 'holiday-sessions',
    where: { and: [{ wave: { equals: wave.id } }, { status: { equals: 'scheduled' } }] },
    sort: 'code',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const { totalDocs: entries } = await payload.count({
    collection: 'lottery-entries',
    where: { wave: { equals: wave.id } },
    overrideAccess: true,
  })
  return {
    serverTime: now.toISOString(),
    wave: {
      id: wave.id,
      name: wave.name,
      rules: wave.lotteryRules ?? '',
      entryOpensAt: wave.lotteryEntryOpensAt,
      entryClosesAt: wave.lotteryEntryClosesAt,
      drawAt: wave.lotteryDrawAt ?? null,
      confirmHours: wave.lotteryConfirmHours ?? 24,
      rounds: wave.lotteryRounds ?? 0,
      quotaPercent: wave.lotteryQuotaPercent ?? 0,
      priorityLimit: wave.lotteryPriorityLimit ?? 0,
      publicSource: wave.lotteryPublicSource ?? '',
      fcfsOpensAt: wave.opensAt ?? null,
    },
    draw: draw
      ? {
          state: draw.state,
          commitment: draw.commitment,
          committedAt: draw.committedAt,
          inputHash: draw.inputHash ?? null,
          frozenAt: draw.frozenAt ?? null,
          publicNumber: draw.state === 'drawn' ? (draw.publicNumber ?? null) : null,
          drawnAt: draw.drawnAt ?? null,
        }
      : null,
    sessions: sessions.docs.map((s) => ({
      id: s.id,
      code: s.code,
      title: s.title,
      street: s.venue.street,
      gradeFrom: s.gradeFrom ?? null,
      gradeTo: s.gradeTo ?? null,
      capacity: s.capacity,
    })),
    entries,
  }
}

/** GET /api/lottery-draws/:wave/files/<name>: the published files, each only once it exists. */
export async function lotteryFile(payload: Payload, waveId: DocId, name: string): Promise<Response> {
  const wave = await lotteryWave(payload, waveId)
  const draw = await drawOf(payload, wave.id)
  const missing = () => new BookingError('booking_not_found', '这个文件还没有公布')
  const headers = (type: string) => ({
    'Content-Type': type,
    'Cache-Control': 'no-cache',
    'Content-Disposition': `inline; filename="${name}"`,
  })
  if (name === LOTTERY_FILES.input) {
    if (!draw?.inputText) throw missing()
    return new Response(draw.inputText, { headers: headers('text/plain; charset=utf-8') })
  }
  if (draw?.state !== 'drawn' || !draw.result) throw missing()
  if (name === LOTTERY_FILES.record)
    return new Response(JSON.stringify(draw.record, null, 2), { headers: headers('application/json; charset=utf-8') })
  // A byte-order mark so spreadsheet programs read the Chinese header as UTF-8; verifiers skip it.
  if (name === LOTTERY_FILES.result)
    return new Response(`\uFEFF${draw.result}`, { headers: headers('text/csv; charset=utf-8') })
  throw missing()
}

/** GET /api/lottery-draws/:wave/results: the result rows with each offer's public state (no names, no phones). */
export async function lotteryResults(payload: Payload, waveId: DocId) {
  const wave = await lotteryWave(payload, waveId)
  const draw = await drawOf(payload, wave.id)
  if (draw?.state !== 'drawn' || !draw.result) throw new BookingError('booking_not_found', '本批次还没有摇号')
  const { docs } = await payload.find({
    collection: 'lottery-offers',
    where: { wave: { equals: wave.id } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const statusOf = new Map(docs.map((o) => [o.entryCode, o.status]))
  const record = draw.record as {
    secret?: string
    commitment?: string
    inputHash?: string
    publicNumber?: string
    publicSource?: string
    seed?: string
    rounds?: unknown[]
  }
  return {
    record: {
      commitment: record.commitment,
      secret: record.secret,
      inputHash: record.inputHash,
      publicNumber: record.publicNumber,
      publicSource: record.publicSource,
      seed: record.seed,
      rounds: record.rounds?.length ?? 0,
    },
    rows: parseResult(draw.result).map((r) => ({ ...r, status: statusOf.get(r.entry) ?? null })),
  }
}
