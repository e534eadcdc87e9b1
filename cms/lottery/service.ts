import type { Payload } from 'payload'
import { formatDateTime } from '../../common/dates.ts'
import { generateBookingCode } from '../booking/code.ts'
import { BookingError } from '../booking/errors.ts'
import { bookingStore } from '../booking/index.ts'
import { type DocId, parseBody } from '../booking/schemas.ts'
import { limitKey } from '../booking/service.ts'
import { gradeFits } from '../holiday/rules.ts'
import type { LotteryEntry, LotteryOffer } from '../payload-types.ts'
import { recordEvent } from './events.ts'
import { placeConfirmed } from './placement.ts'
import { entryInput, offerInput, waveQuery, withdrawInput } from './schemas.ts'
import { ensureCommitment, entryWindow, idOf, type LotteryWave, lotteryWave } from './steps.ts'

type Ctx = { payload: Payload; ip: string; householdId: DocId; now?: Date }

async function enforce(ctx: Ctx, now: Date) {
  const keys = [
    { key: limitKey(ctx.payload, 'lottery:ip', ctx.ip), limit: 60 },
    { key: limitKey(ctx.payload, 'lottery:household', String(ctx.householdId)), limit: 30 },
  ]
  if (!(await bookingStore(ctx.payload).rateLimits.hit({ keys, windowSeconds: 600 }, now)))
    throw new BookingError('rate_limited', '操作太频繁，请稍后再试')
}

/** Entry is open: after the commitment exists (made here if it does not yet), before the window closes. */
async function openWave(payload: Payload, waveId: DocId, now: Date): Promise<LotteryWave> {
  const wave = await lotteryWave(payload, waveId)
  const { opensAt, closesAt } = entryWindow(wave)
  if (now.getTime() < opensAt)
    throw new BookingError('not_open', `摇号报名将于 ${formatDateTime(wave.lotteryEntryOpensAt ?? '')} 开始`, 'wave')
  if (now.getTime() >= closesAt) throw new BookingError('closed', '摇号报名已截止，不能再报名、修改或撤回', 'wave')
  await ensureCommitment(payload, wave, now)
  return wave
}

async function ownChild(payload: Payload, householdId: DocId, child: DocId) {
  const found = await payload
    .findByID({ collection: 'children', id: child as number, depth: 0, overrideAccess: true, disableErrors: true })
    .catch(() => null)
  // Another household's child is answered exactly as a child that does not exist.
  if (!found || String(idOf(found.household)) !== String(householdId))
    throw new BookingError('booking_not_found', '未找到该孩子的信息', 'child')
  return found
}

/** The chosen sessions, each a scheduled session of this wave that the child's grade fits. */
async function checkChoices(payload: Payload, wave: LotteryWave, choices: DocId[], grade: string) {
  const { docs } = await payload.find({
    collection: 'holiday-sessions',
    where: { and: [{ id: { in: choices } }, { wave: { equals: wave.id } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const byId = new Map(docs.map((s) => [String(s.id), s]))
  for (const id of choices) {
    const session = byId.get(String(id))
    if (session?.status !== 'scheduled')
      throw new BookingError('session_not_found', '志愿中有不属于本批次的场次（choices）', 'choices')
    if (!gradeFits(grade, session.gradeFrom, session.gradeTo))
      throw new BookingError('invalid_input', `孩子的年级不在场次 ${session.code} 的年级范围内（choices）`, 'choices')
  }
}

async function entryOfChild(payload: Payload, wave: DocId, child: DocId): Promise<LotteryEntry | null> {
  const { docs } = await payload.find({
    collection: 'lottery-entries',
    where: { and: [{ wave: { equals: wave } }, { child: { equals: child } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return (docs[0] as LotteryEntry | undefined) ?? null
}

const entryView = (e: LotteryEntry) => ({
  code: e.code,
  wave: idOf(e.wave),
  child: idOf(e.child),
  street: e.street,
  choices: (e.choices ?? []).map((c) => idOf(c.session)),
})

/** An entry or change request checked: rate limit, wave open for entries, the household's own child, its choices. */
async function entryRequest(body: unknown, ctx: Ctx, now: Date) {
  const input = parseBody(entryInput, body)
  await enforce(ctx, now)
  const wave = await openWave(ctx.payload, input.wave, now)
  const child = await ownChild(ctx.payload, ctx.householdId, input.child)
  await checkChoices(ctx.payload, wave, input.choices, child.grade)
  return { input, wave, child }
}

/** POST /api/lottery-entries/enter: one entry per child and wave, up to three ranked choices; holds no seat. */
export async function enter(body: unknown, ctx: Ctx) {
  const now = ctx.now ?? new Date()
  const { input, wave, child } = await entryRequest(body, ctx, now)
  const taken = () =>
    new BookingError('idempotency_conflict', '这个孩子已经报名了本批次摇号，可以修改志愿或撤回', 'child')
  if (await entryOfChild(ctx.payload, wave.id, child.id)) throw taken()
  for (let attempt = 0; attempt < 3; attempt++) {
    const code = generateBookingCode()
    try {
      const entry = (await ctx.payload.create({
        collection: 'lottery-entries',
        data: {
          code,
          wave: wave.id,
          household: ctx.householdId as number,
          child: child.id,
          street: input.street,
          choices: input.choices.map((session) => ({ session: session as number })),
        },
        overrideAccess: true,
      })) as LotteryEntry
      await recordEvent(ctx.payload, { wave: wave.id, kind: 'entered', at: now, entryCode: code })
      return { status: 201, body: { entry: entryView(entry) } }
    } catch (error) {
      // The unique (wave, child) index refused a second entry made by a concurrent request.
      if (await entryOfChild(ctx.payload, wave.id, child.id)) throw taken()
      if (attempt === 2) throw error
    }
  }
  throw new Error('unreachable')
}

/** POST /api/lottery-entries/change: new choices (or street) for the child's entry, same code, until entry closes. */
export async function change(body: unknown, ctx: Ctx) {
  const now = ctx.now ?? new Date()
  const { input, wave, child } = await entryRequest(body, ctx, now)
  const entry = await entryOfChild(ctx.payload, wave.id, child.id)
  if (!entry) throw new BookingError('booking_not_found', '这个孩子还没有报名本批次摇号', 'child')
  const updated = (await ctx.payload.update({
    collection: 'lottery-entries',
    id: entry.id,
    data: { street: input.street, choices: input.choices.map((session) => ({ session: session as number })) },
    overrideAccess: true,
  })) as LotteryEntry
  await recordEvent(ctx.payload, { wave: wave.id, kind: 'changed', at: now, entryCode: entry.code })
  return { body: { entry: entryView(updated) } }
}

/** POST /api/lottery-entries/withdraw: the entry is deleted (its code is never drawn) until entry closes. */
export async function withdraw(body: unknown, ctx: Ctx) {
  const now = ctx.now ?? new Date()
  const input = parseBody(withdrawInput, body)
  await enforce(ctx, now)
  const wave = await openWave(ctx.payload, input.wave, now)
  await ownChild(ctx.payload, ctx.householdId, input.child)
  const entry = await entryOfChild(ctx.payload, wave.id, input.child)
  if (!entry) throw new BookingError('booking_not_found', '这个孩子还没有报名本批次摇号', 'child')
  await ctx.payload.delete({ collection: 'lottery-entries', id: entry.id, overrideAccess: true })
  await recordEvent(ctx.payload, { wave: wave.id, kind: 'withdrawn', at: now, entryCode: entry.code })
  return { body: { withdrawn: entry.code } }
}

const offerView = (o: LotteryOffer) => ({
  session: idOf(o.session),
  round: o.round,
  status: o.status,
  expiresAt: o.expiresAt,
  registration: o.registration ? idOf(o.registration) : null,
})

/** GET /api/lottery-entries/mine?wave=ID: the household's own entries in the wave, each with its offer if any. */
export async function mine(query: Record<string, unknown>, ctx: Ctx) {
  const parsed = waveQuery.safeParse(query)
  if (!parsed.success) throw new BookingError('invalid_input', '请提供摇号批次（wave）', 'wave')
  const [entries, offers] = await Promise.all([
    ctx.payload.find({
      collection: 'lottery-entries',
      where: { and: [{ wave: { equals: parsed.data.wave } }, { household: { equals: ctx.householdId } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
    ctx.payload.find({
      collection: 'lottery-offers',
      where: { and: [{ wave: { equals: parsed.data.wave } }, { household: { equals: ctx.householdId } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
  ])
  const offerOf = new Map(offers.docs.map((o) => [o.entryCode, o as LotteryOffer]))
  return {
    serverTime: new Date().toISOString(),
    entries: entries.docs.map((e) => {
      const offer = offerOf.get(e.code)
      return { ...entryView(e as LotteryEntry), offer: offer ? offerView(offer) : null }
    }),
  }
}

async function ownOffer(ctx: Ctx, entryCode: string): Promise<LotteryOffer> {
  const { docs } = await ctx.payload.find({
    collection: 'lottery-offers',
    where: {
      and: [{ entryCode: { equals: entryCode.trim().toUpperCase() } }, { household: { equals: ctx.householdId } }],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const offer = docs[0] as LotteryOffer | undefined
  if (!offer) throw new BookingError('booking_not_found', '未找到这个抽签码的录取', 'entryCode')
  return offer
}

/**
 * POST /api/lottery-entries/confirm: the household takes its offer before the deadline; it becomes a holiday
 * registration like a first-come one (same code shape, check-in, attendance and counts). The seat was the draw's:
 * first come, first served opens only after the last round, so nobody else can take it meanwhile; the
 * registrations' one-per-child-and-session index and capacity guard still stand in the database.
 */
export async function confirm(body: unknown, ctx: Ctx) {
  const now = ctx.now ?? new Date()
  const input = parseBody(offerInput, body)
  await enforce(ctx, now)
  const offer = await ownOffer(ctx, input.entryCode)
  if (offer.status === 'confirmed') return { body: { offer: offerView(offer) } }
  if (offer.status !== 'offered' || Date.parse(offer.expiresAt) <= now.getTime())
    throw new BookingError('deadline_passed', '这个录取已过确认时限或已放弃，名额已递补给下一位', 'entryCode')
  const code = generateBookingCode()
  const registration = await placeConfirmed(ctx.payload, {
    session: idOf(offer.session),
    wave: idOf(offer.wave),
    household: idOf(offer.household),
    child: idOf(offer.child),
    code,
    idempotencyKey: `lottery:${offer.id}`,
    now,
  }).catch(async (error) => {
    // The child holds this session already (the one-per-child index): the offer is taken as confirmed.
    const { docs } = await ctx.payload.find({
      collection: 'holiday-registrations',
      where: { idempotencyKey: { equals: `lottery:${offer.id}` } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    if (docs[0]) return docs[0].id as DocId
    throw error
  })
  if (registration === null) throw new BookingError('full', '该场次名额已满（场次已调整），请联系工作人员', 'entryCode')
  const updated = (await ctx.payload.update({
    collection: 'lottery-offers',
    id: offer.id,
    data: { status: 'confirmed', registration: registration as number },
    overrideAccess: true,
  })) as LotteryOffer
  await recordEvent(ctx.payload, { wave: idOf(offer.wave), kind: 'confirmed', at: now, entryCode: offer.entryCode })
  return { body: { offer: offerView(updated), registrationCode: code } }
}

/** POST /api/lottery-entries/decline: the household gives the seat back; the next round offers it on. */
export async function decline(body: unknown, ctx: Ctx) {
  const now = ctx.now ?? new Date()
  const input = parseBody(offerInput, body)
  await enforce(ctx, now)
  const offer = await ownOffer(ctx, input.entryCode)
  if (offer.status !== 'offered')
    throw new BookingError('not_cancellable', '这个录取已确认、已放弃或已逾期', 'entryCode')
  const updated = (await ctx.payload.update({
    collection: 'lottery-offers',
    id: offer.id,
    data: { status: 'declined' },
    overrideAccess: true,
  })) as LotteryOffer
  await recordEvent(ctx.payload, { wave: idOf(offer.wave), kind: 'declined', at: now, entryCode: offer.entryCode })
  return { body: { offer: offerView(updated) } }
}
