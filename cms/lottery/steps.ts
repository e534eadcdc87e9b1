import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import { commitmentOf, normalisePublicNumber, PUBLIC_NUMBER } from '../../common/lottery/draw.ts'
import { type DrawInput, parseInput, serialiseInput } from '../../common/lottery/input.ts'
import { type DrawRecord, publish, readDrawRecord } from '../../common/lottery/publication.ts'
import { sha256Hex } from '../../common/lottery/sha256.ts'
import { BookingError } from '../booking/errors.ts'
import type { DocId } from '../booking/schemas.ts'
import type { HolidayWave, LotteryDraw } from '../payload-types.ts'
import { claimOnce, recordEvent } from './events.ts'
import { notifyWinner } from './notifyWinner.ts'

const HOUR = 60 * 60 * 1000
/** A relationship's id whether it came populated or not. */
export const idOf = (value: unknown): DocId =>
  value && typeof value === 'object' ? ((value as { id: DocId }).id as DocId) : (value as DocId)

export type LotteryWave = HolidayWave & {
  allocation: string
  lotteryEntryOpensAt?: string | null
  lotteryEntryClosesAt?: string | null
  lotteryDrawAt?: string | null
  lotteryConfirmHours?: number | null
  lotteryRounds?: number | null
  lotteryQuotaPercent?: number | null
  lotteryPriorityLimit?: number | null
  lotteryPublicSource?: string | null
  lotteryPublicNumber?: string | null
  lotteryRules?: string | null
}

export const notLottery = () => new BookingError('session_not_found', '未找到该摇号批次')

/** A wave set to lottery, with its lottery settings; 404 for anything else. */
export async function lotteryWave(payload: Payload, id: DocId): Promise<LotteryWave> {
  const wave = (await payload
    .findByID({ collection: 'holiday-waves', id: id as number, depth: 0, overrideAccess: true, disableErrors: true })
    .catch(() => null)) as LotteryWave | null
  if (wave?.allocation !== 'lottery' || !wave.lotteryEntryOpensAt || !wave.lotteryEntryClosesAt) throw notLottery()
  return wave
}

export const entryWindow = (wave: LotteryWave) => ({
  opensAt: Date.parse(wave.lotteryEntryOpensAt ?? ''),
  closesAt: Date.parse(wave.lotteryEntryClosesAt ?? ''),
})

export async function drawOf(payload: Payload, wave: DocId): Promise<LotteryDraw | null> {
  const { docs } = await payload.find({
    collection: 'lottery-draws',
    where: { wave: { equals: wave } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  return (docs[0] as LotteryDraw | undefined) ?? null
}

/**
 * The platform's commitment for a wave: a fresh 32-byte secret whose SHA-256 is public from before entry opens
 * to the draw. Made once (the wave is unique in the draws collection); never after entry has closed.
 */
export async function ensureCommitment(payload: Payload, wave: LotteryWave, now: Date): Promise<LotteryDraw> {
  const existing = await drawOf(payload, wave.id)
  if (existing) return existing
  if (now.getTime() >= entryWindow(wave).closesAt) throw new BookingError('closed', '摇号报名已截止')
  const secret = randomBytes(32).toString('hex')
  try {
    const draw = (await payload.create({
      collection: 'lottery-draws',
      data: {
        wave: wave.id,
        state: 'committed',
        secret,
        commitment: commitmentOf(secret),
        committedAt: now.toISOString(),
      },
      overrideAccess: true,
    })) as LotteryDraw
    await recordEvent(payload, { wave: wave.id, kind: 'committed', at: now, detail: { commitment: draw.commitment } })
    return draw
  } catch (error) {
    const raced = await drawOf(payload, wave.id)
    if (raced) return raced
    throw error
  }
}

/** Entry codes of children placed in an earlier draw of the same programme: who gets no priority. */
async function priorityChildren(payload: Payload, wave: LotteryWave): Promise<Set<string>> {
  const { docs: earlier } = await payload.find({
    collection: 'holiday-waves',
    where: { and: [{ programme: { equals: idOf(wave.programme) } }, { id: { not_equals: wave.id } }] },
    limit: 100,
    depth: 0,
    overrideAccess: true,
  })
  const drawnEarlier: DocId[] = []
  for (const w of earlier) {
    const draw = await drawOf(payload, w.id)
    if (draw?.state === 'drawn' && draw.drawnAt && draw.drawnAt < (wave.lotteryEntryClosesAt ?? ''))
      drawnEarlier.push(w.id)
  }
  if (!drawnEarlier.length) return new Set()
  const [entries, offers] = await Promise.all([
    payload.find({
      collection: 'lottery-entries',
      where: { wave: { in: drawnEarlier } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
    payload.find({
      collection: 'lottery-offers',
      where: { and: [{ wave: { in: drawnEarlier } }, { status: { not_equals: 'declined' } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
  ])
  const placed = new Set(offers.docs.map((o) => String(idOf(o.child))))
  return new Set(entries.docs.map((e) => String(idOf(e.child))).filter((child) => !placed.has(child)))
}

/** Every document of the wave in a lottery collection (all of them, depth 0, read by the system). */
const waveDocs = <C extends 'holiday-sessions' | 'lottery-entries' | 'lottery-offers'>(
  payload: Payload,
  collection: C,
  wave: LotteryWave,
) =>
  payload.find({ collection, where: { wave: { equals: wave.id } }, pagination: false, depth: 0, overrideAccess: true })

/** The draw input as it stands: the wave's sessions (code, seats, venue street) and every entry. */
export async function buildInput(payload: Payload, wave: LotteryWave): Promise<DrawInput> {
  const [sessions, entries, priority] = await Promise.all([
    waveDocs(payload, 'holiday-sessions', wave),
    waveDocs(payload, 'lottery-entries', wave),
    priorityChildren(payload, wave),
  ])
  const codeOf = new Map(sessions.docs.map((s) => [String(s.id), s.code]))
  return {
    wave: String(wave.id),
    quotaPercent: wave.lotteryQuotaPercent ?? 0,
    priorityLimit: wave.lotteryPriorityLimit ?? 0,
    sessions: sessions.docs
      .filter((s) => s.status === 'scheduled')
      .map((s) => ({
        code: s.code,
        capacity: Math.max(0, s.capacity - (s.confirmedCount ?? 0)),
        street: s.venue.street,
      })),
    entries: entries.docs.map((e) => ({
      code: e.code,
      street: e.street,
      priority: priority.has(String(idOf(e.child))),
      choices: (e.choices ?? []).map((c) => codeOf.get(String(idOf(c.session))) ?? '?'),
    })),
  }
}

/** Freezes the entry list once entry has closed: the canonical input file and its hash are stored and public. */
export async function freeze(payload: Payload, wave: LotteryWave, now: Date): Promise<void> {
  if (now.getTime() < entryWindow(wave).closesAt) return
  const draw = await drawOf(payload, wave.id)
  if (draw?.state !== 'committed') return
  const input = await buildInput(payload, wave)
  const text = serialiseInput(input)
  const inputHash = sha256Hex(text)
  if (
    !(await claimOnce(payload, `freeze:${wave.id}`, {
      wave: wave.id,
      kind: 'frozen',
      at: now,
      detail: { inputHash, entries: input.entries.length },
    }))
  )
    return
  await payload.update({
    collection: 'lottery-draws',
    id: draw.id,
    data: { state: 'frozen', inputText: text, inputHash, frozenAt: now.toISOString() },
    overrideAccess: true,
  })
}

const recordOf = (draw: LotteryDraw): DrawRecord | undefined => {
  const read = readDrawRecord(draw.record)
  return 'record' in read ? read.record : undefined
}

/** Stores a (re)publication and makes the offers of `round` from it. */
async function storeAndOffer(
  payload: Payload,
  wave: LotteryWave,
  draw: LotteryDraw,
  record: DrawRecord,
  round: number,
  now: Date,
) {
  const published = publish({
    input: parseInput(draw.inputText ?? ''),
    secret: draw.secret,
    publicNumber: record.publicNumber,
    publicSource: record.publicSource,
    committedAt: record.committedAt,
    frozenAt: record.frozenAt,
    drawnAt: record.drawnAt,
    rounds: record.rounds,
  })
  await payload.update({
    collection: 'lottery-draws',
    id: draw.id,
    data: {
      state: 'drawn',
      record: published.record,
      result: published.result,
      publicNumber: published.record.publicNumber,
      drawnAt: published.record.drawnAt,
    },
    overrideAccess: true,
  })
  const [entries, sessions] = await Promise.all([
    waveDocs(payload, 'lottery-entries', wave),
    waveDocs(payload, 'holiday-sessions', wave),
  ])
  const entryOf = new Map(entries.docs.map((e) => [e.code, e]))
  const sessionOf = new Map(sessions.docs.map((s) => [s.code, s]))
  const expiresAt = new Date(now.getTime() + (wave.lotteryConfirmHours ?? 24) * HOUR).toISOString()
  for (const offer of published.outcome.offers.filter((o) => o.round === round)) {
    const entry = entryOf.get(offer.entry)
    const session = sessionOf.get(offer.session)
    if (!entry || !session) continue
    await payload.create({
      collection: 'lottery-offers',
      data: {
        wave: wave.id,
        entry: entry.id,
        entryCode: entry.code,
        household: idOf(entry.household) as number,
        child: idOf(entry.child) as number,
        session: session.id,
        round,
        status: 'offered',
        expiresAt,
      },
      overrideAccess: true,
    })
    await recordEvent(payload, {
      wave: wave.id,
      kind: 'offered',
      at: now,
      entryCode: entry.code,
      detail: { session: session.code, round },
    })
    await notifyWinner(payload, {
      household: idOf(entry.household) as DocId,
      wave: wave.id,
      sessionTitle: session.title,
      expiresAt,
    })
  }
  return published
}

/** The draw, once, at its time: needs the frozen list and the public number staff entered. */
export async function drawWave(payload: Payload, wave: LotteryWave, now: Date): Promise<boolean> {
  const draw = await drawOf(payload, wave.id)
  if (draw?.state !== 'frozen' || !draw.inputText || !draw.inputHash || !draw.frozenAt) return false
  if (!wave.lotteryDrawAt || now.getTime() < Date.parse(wave.lotteryDrawAt)) return false
  const publicNumber = normalisePublicNumber(wave.lotteryPublicNumber ?? '')
  if (!PUBLIC_NUMBER.test(publicNumber)) return false
  if (
    !(await claimOnce(payload, `draw:${wave.id}`, { wave: wave.id, kind: 'drawn', at: now, detail: { publicNumber } }))
  )
    return false
  const record: DrawRecord = {
    format: 'fujia-lottery v1',
    wave: String(wave.id),
    commitment: draw.commitment,
    committedAt: new Date(draw.committedAt).toISOString(),
    inputHash: draw.inputHash,
    frozenAt: new Date(draw.frozenAt).toISOString(),
    publicNumber,
    publicSource: wave.lotteryPublicSource ?? '',
    secret: draw.secret,
    seed: '',
    drawnAt: now.toISOString(),
    rounds: [],
    resultHash: '',
  }
  await storeAndOffer(payload, wave, draw, record, 1, now)
  return true
}

/** Offers past their deadline lapse. */
async function expireOffers(payload: Payload, wave: LotteryWave, now: Date) {
  const { docs } = await payload.find({
    collection: 'lottery-offers',
    where: {
      and: [
        { wave: { equals: wave.id } },
        { status: { equals: 'offered' } },
        { expiresAt: { less_than_equal: now.toISOString() } },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const offer of docs) {
    await payload.update({
      collection: 'lottery-offers',
      id: offer.id,
      data: { status: 'expired' },
      overrideAccess: true,
    })
    await recordEvent(payload, { wave: wave.id, kind: 'expired', at: now, entryCode: offer.entryCode })
  }
}

/**
 * The next round, when no offer is waiting for an answer and some lapsed: their seats go to entries never
 * offered, in rank order; the round (with the codes that lapsed) joins the published record, so the verify page
 * recomputes it too. At most `lotteryRounds` rounds after the draw.
 */
export async function nextRound(payload: Payload, wave: LotteryWave, now: Date): Promise<boolean> {
  const draw = await drawOf(payload, wave.id)
  const record = draw && draw.state === 'drawn' ? recordOf(draw) : undefined
  if (!draw || !record) return false
  const round = record.rounds.length + 2
  if (round - 1 > (wave.lotteryRounds ?? 0)) return false
  if (wave.opensAt && now.getTime() >= Date.parse(wave.opensAt)) return false
  const offers = await waveDocs(payload, 'lottery-offers', wave)
  if (offers.docs.some((o) => o.status === 'offered')) return false
  const earlier = new Set(record.rounds.flatMap((r) => r.lapsed))
  const lapsed = offers.docs
    .filter((o) => (o.status === 'expired' || o.status === 'declined') && !earlier.has(o.entryCode))
    .map((o) => o.entryCode)
    .sort()
  if (!lapsed.length) return false
  if (
    !(await claimOnce(payload, `round:${wave.id}:${round}`, {
      wave: wave.id,
      kind: 'round',
      at: now,
      detail: { round, lapsed },
    }))
  )
    return false
  await storeAndOffer(
    payload,
    wave,
    draw,
    { ...record, rounds: [...record.rounds, { round, at: now.toISOString(), lapsed }] },
    round,
    now,
  )
  return true
}

/** Leftovers open first come, first served at the wave's own opening time (h2a's registration takes it from there). */
async function openLeftovers(payload: Payload, wave: LotteryWave, now: Date) {
  if (!wave.opensAt || now.getTime() < Date.parse(wave.opensAt)) return
  const draw = await drawOf(payload, wave.id)
  if (draw?.state !== 'drawn' || draw.fcfsOpenedAt) return
  if (!(await claimOnce(payload, `fcfs:${wave.id}`, { wave: wave.id, kind: 'fcfs', at: now }))) return
  await payload.update({
    collection: 'lottery-draws',
    id: draw.id,
    data: { fcfsOpenedAt: now.toISOString() },
    overrideAccess: true,
  })
}

/** Every step due for one wave, in order; safe to run from any number of processes at any time. */
export async function advanceWave(payload: Payload, wave: LotteryWave, now: Date): Promise<void> {
  const { closesAt } = entryWindow(wave)
  if (now.getTime() < closesAt) {
    await ensureCommitment(payload, wave, now)
    return
  }
  await freeze(payload, wave, now)
  await drawWave(payload, wave, now)
  await expireOffers(payload, wave, now)
  await nextRound(payload, wave, now)
  await openLeftovers(payload, wave, now)
}

/** The lottery job: every lottery wave whose steps are not all done. */
export async function advanceLotteries(payload: Payload, now = new Date()): Promise<void> {
  const { docs } = await payload.find({
    collection: 'holiday-waves',
    where: { allocation: { equals: 'lottery' } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const wave of docs as LotteryWave[]) {
    if (!wave.lotteryEntryOpensAt || !wave.lotteryEntryClosesAt) continue
    try {
      await advanceWave(payload, wave, now)
    } catch (error) {
      payload.logger.error({ err: error, msg: `lottery wave ${wave.id} could not advance` })
    }
  }
}
