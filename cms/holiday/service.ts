import type { Payload, PayloadRequest } from 'payload'
import { generateBookingCode } from '../booking/code.ts'
import { BookingError } from '../booking/errors.ts'
import { requestCtx } from '../booking/http.ts'
import { type DocId, parseBody } from '../booking/schemas.ts'
import { limitKey } from '../booking/service.ts'
import { verificationRequired } from '../households/errors.ts'
import { householdIdFromToken } from '../households/token.ts'
import type { HolidayRegistration, HolidaySession } from '../payload-types.ts'
import { NotOpenError } from './errors.ts'
import { holidayStore } from './index.ts'
import { gradeFits, seatState, seatsLeft, waitlistLeft } from './rules.ts'
import { cancelInput, registerInput, seatsQuery } from './schemas.ts'
import type { RegisterOutcome, SessionRow } from './stores/registrations.ts'

/** Request budgets, shared by all processes through the rate-limit store. A household sends one press per opening. */
export const holidayLimits = {
  windowSeconds: 600,
  registerPerHousehold: 20,
  registerPerIp: 60,
  readPerIp: 120,
} as const

const rateLimited = () => new BookingError('rate_limited', '操作太频繁，请稍后再试')

async function enforce(payload: Payload, keys: { key: string; limit: number }[], now: Date) {
  if (!(await holidayStore(payload).rateLimits.hit({ keys, windowSeconds: holidayLimits.windowSeconds }, now))) {
    throw rateLimited()
  }
}

const beijing = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso))

// ------------------------------------------------------------------ seats

export type SeatsView = {
  id: DocId
  seatsLeft: number
  waitlistLeft: number
  state: ReturnType<typeof seatState>
  opensAt: string
  closesAt: string | null
}

export const seatsView = (s: SessionRow, now: Date): SeatsView => ({
  id: s.id,
  seatsLeft: seatsLeft(s),
  waitlistLeft: waitlistLeft(s),
  state: seatState(s, now),
  opensAt: s.opensAt,
  closesAt: s.closesAt ?? null,
})

/** GET /api/holiday-sessions/seats?ids=1,2 | ?wave=ID: counts only, nothing about who registered. */
export async function seats(query: Record<string, unknown>, payload: Payload, now = new Date()) {
  const parsed = seatsQuery.safeParse(query)
  if (!parsed.success) throw new BookingError('invalid_input', '请提供场次编号（ids）或报名批次（wave）')
  const store = holidayStore(payload)
  const rows =
    'ids' in parsed.data ? await store.sessions(parsed.data.ids) : await store.sessionsOfWave(parsed.data.wave)
  return { serverTime: now.toISOString(), sessions: rows.map((s) => seatsView(s, now)) }
}

// ------------------------------------------------------------------ registration

export type ItemResult =
  | { session: DocId; child: DocId; status: 'confirmed' | 'waitlisted'; code: string; waitlistPosition?: number }
  | { session: DocId; child: DocId; error: string; message: string }

const itemError = (session: DocId, child: DocId, error: string, message: string): ItemResult => ({
  session,
  child,
  error,
  message,
})

/** Why a refused item was refused, in words for the parent. */
function refusal(session: DocId, child: DocId, row: SessionRow | null, now: Date): ItemResult {
  if (!row) return itemError(session, child, 'session_not_found', '未找到该场次')
  switch (seatState(row, now)) {
    case 'not_open':
      return itemError(session, child, 'not_open', `报名将于 ${beijing(row.opensAt)} 开始`)
    case 'cancelled':
      return itemError(session, child, 'session_cancelled', '本场次已取消')
    case 'closed':
      return itemError(session, child, 'closed', '本场次报名已结束')
    default:
      return itemError(session, child, 'full', '名额和候补均已满')
  }
}

type Ctx = { payload: Payload; ip: string; householdId: DocId; now?: Date }

/** POST /api/holiday-registrations/register: each item is its own atomic registration. */
export async function register(body: unknown, { payload, ip, householdId, now = new Date() }: Ctx) {
  const input = parseBody(registerInput, body)
  await enforce(
    payload,
    [
      { key: limitKey(payload, 'holiday:ip', ip), limit: holidayLimits.registerPerIp },
      { key: limitKey(payload, 'holiday:household', String(householdId)), limit: holidayLimits.registerPerHousehold },
    ],
    now,
  )
  const store = holidayStore(payload)
  const childIds = [...new Set(input.items.map((i) => String(i.child)))]
  const sessionIds = [...new Set(input.items.map((i) => String(i.session)))]
  const [children, sessions] = await Promise.all([
    store.children(householdId, childIds as DocId[]),
    store.sessions(sessionIds as DocId[]),
  ])
  // Another household's child is answered exactly as a child that does not exist.
  const childOf = new Map(children.map((c) => [String(c.id), c]))
  if (childIds.some((id) => !childOf.has(id))) throw new BookingError('booking_not_found', '未找到该孩子的信息')
  const sessionOf = new Map(sessions.map((s) => [String(s.id), s]))
  if (sessionIds.some((id) => !sessionOf.has(id))) throw new BookingError('session_not_found', '未找到该场次')
  // Pressed before the opening: nothing is written, and the answer says when it opens.
  const early = sessions.find((s) => Date.parse(s.opensAt) > now.getTime())
  if (early) {
    throw new NotOpenError(`报名将于 ${beijing(early.opensAt)} 开始，请稍候`, early.opensAt)
  }

  const seen = new Set<string>()
  const results: ItemResult[] = []
  // One atomic write per item, all queued at once: the store commits them together in one group.
  const pending = input.items.map((item) => {
    const pair = `${item.session}:${item.child}`
    const child = childOf.get(String(item.child))
    const session = sessionOf.get(String(item.session))
    if (seen.has(pair))
      return Promise.resolve(itemError(item.session, item.child, 'duplicate', '同一孩子同一场次只需报名一次'))
    seen.add(pair)
    if (child && session && !gradeFits(child.grade, session.gradeFrom, session.gradeTo)) {
      return Promise.resolve(
        itemError(item.session, item.child, 'grade_mismatch', `${child.name}的年级不在本场次的年级范围内`),
      )
    }
    return registerOne(payload, { ...item, household: householdId, key: `${input.idempotencyKey}:${pair}` }, now)
  })
  for (const result of await Promise.all(pending)) results.push(result)
  return { status: 201 as const, body: { results } }
}

async function registerOne(
  payload: Payload,
  item: { session: DocId; child: DocId; household: DocId; key: string },
  now: Date,
): Promise<ItemResult> {
  const store = holidayStore(payload)
  for (let attempt = 0; attempt < 3; attempt++) {
    const outcome: RegisterOutcome = await store.register({
      session: item.session,
      child: item.child,
      household: item.household,
      idempotencyKey: item.key,
      code: generateBookingCode(),
      now,
    })
    if (outcome.kind === 'code-taken') continue
    if (outcome.kind === 'cap-reached') {
      return itemError(item.session, item.child, 'cap_reached', `本批次每个孩子最多报名 ${outcome.cap} 期`)
    }
    if (outcome.kind === 'already-registered') {
      return itemError(item.session, item.child, 'already_registered', '该孩子已报名本场次，可在“我的报名”中查看')
    }
    if (outcome.kind === 'refused') {
      if (!outcome.childKnown) return itemError(item.session, item.child, 'child_not_found', '未找到该孩子的信息')
      return refusal(item.session, item.child, outcome.session, now)
    }
    const { registration } = outcome
    const status = registration.status === 'waitlisted' ? 'waitlisted' : 'confirmed'
    const position = status === 'waitlisted' ? await store.waitlistPosition(registration.id) : null
    return {
      session: item.session,
      child: item.child,
      status,
      code: registration.code,
      ...(position ? { waitlistPosition: position } : {}),
    }
  }
  throw new Error('could not draw a unique registration code')
}

// ------------------------------------------------------------------ the household's own registrations

export type RegistrationView = {
  code: string
  status: HolidayRegistration['status']
  waitlistPosition?: number
  cancellable: boolean
  child: { id: DocId; name: string } | null
  session: {
    id: DocId
    code: string
    title: string
    status: HolidaySession['status']
    days: { date: string; startTime: string; endTime: string }[]
    venue: HolidaySession['venue']
    cancellationDeadline?: string | null
    bring?: string | null
    contact?: HolidaySession['contact']
  }
}

async function view(payload: Payload, r: HolidayRegistration, now: Date): Promise<RegistrationView> {
  const session = r.session as HolidaySession
  const child = r.child && typeof r.child === 'object' ? { id: r.child.id, name: r.child.name } : null
  const position = r.status === 'waitlisted' ? await holidayStore(payload).waitlistPosition(r.id) : null
  const beforeDeadline = !session.cancellationDeadline || Date.parse(session.cancellationDeadline) > now.getTime()
  return {
    code: r.code,
    status: r.status,
    ...(position ? { waitlistPosition: position } : {}),
    cancellable: r.status === 'waitlisted' || (r.status === 'confirmed' && beforeDeadline),
    child,
    session: {
      id: session.id,
      code: session.code,
      title: session.title,
      status: session.status,
      days: (session.days ?? []).map(({ date, startTime, endTime }) => ({ date, startTime, endTime })),
      venue: session.venue,
      cancellationDeadline: session.cancellationDeadline,
      bring: session.bring,
      contact: session.contact,
    },
  }
}

/** GET /api/holiday-registrations/mine: this household's registrations only (children's names are its own). */
export async function mine({ payload, ip, householdId, now = new Date() }: Ctx) {
  await enforce(payload, [{ key: limitKey(payload, 'holiday:read', ip), limit: holidayLimits.readPerIp }], now)
  const { docs } = await payload.find({
    collection: 'holiday-registrations',
    where: { household: { equals: householdId } },
    sort: '-createdAt',
    depth: 1,
    limit: 100,
    overrideAccess: true,
  })
  return { registrations: await Promise.all(docs.map((r) => view(payload, r, now))) }
}

/** POST /api/holiday-registrations/cancel {code}: repeating it answers with the cancelled registration again. */
export async function cancel(body: unknown, { payload, ip, householdId, now = new Date() }: Ctx) {
  const { code } = parseBody(cancelInput, body)
  await enforce(payload, [{ key: limitKey(payload, 'holiday:read', ip), limit: holidayLimits.readPerIp }], now)
  const cancelled = await holidayStore(payload).cancelByHousehold(code, householdId, now)
  const { docs } = await payload.find({
    collection: 'holiday-registrations',
    where: { and: [{ code: { equals: code } }, { household: { equals: householdId } }] },
    depth: 1,
    limit: 1,
    overrideAccess: true,
  })
  const registration = docs[0]
  if (!registration) throw new BookingError('booking_not_found', '未找到该报名，请核对报名码')
  if (!cancelled && registration.status !== 'cancelled') {
    throw new BookingError('deadline_passed', '已过取消截止时间，如需取消请联系活动工作人员')
  }
  return { registration: await view(payload, registration, now) }
}

/**
 * The household a registration names, from its signed token alone (no lookup: at the opening every read counts).
 * A household deleted since its token was issued has no children, so its registration answers 404 like any
 * child that is not the household's.
 */
export function householdCtxFromToken(req: PayloadRequest) {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.get('authorization') ?? '')?.[1]
  const householdId = token ? householdIdFromToken(req.payload, token) : undefined
  if (householdId === undefined) throw verificationRequired()
  return { ...requestCtx(req), householdId }
}
