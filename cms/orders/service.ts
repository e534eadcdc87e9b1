import { createHmac } from 'node:crypto'
import type { Payload, Where } from 'payload'
import { orderFields } from '../../common/orders/fields.ts'
import {
  canRequesterWithdraw,
  nextState,
  ORDER_ACTOR_LABELS,
  ORDER_RULES,
  ORDER_STATE_LABELS,
  type OrderAction,
  type OrderState,
} from '../../common/orders/states.ts'
import { courseUrl } from '../../common/urls.ts'
import { placeText } from '../../common/venue.ts'
import { streetWhere } from '../access/streetScope.ts'
import { generateBookingCode } from '../booking/code.ts'
import { bookingStore } from '../booking/index.ts'
import { parseBody } from '../booking/schemas.ts'
import { limitKey } from '../booking/service.ts'
import { recordRequesterRating } from '../dispatch/ratings.ts'
import { createSessionForOrder, inviteLink } from '../dispatch/sessions.ts'
import { DEFAULT_POLICY_VERSION } from '../globals/SiteSettings/index.ts'
import type { Community, Course, CourseOrder, OrderEvent } from '../payload-types.ts'
import { OrderError, orderNotFound } from './errors.ts'
import {
  type DemandInput,
  demandInput,
  optionalReasonInput,
  rateInput,
  reasonedInput,
  type SubmitInput,
  submitInput,
  type TrackInput,
  trackInput,
} from './schemas.ts'
import { applyTransition, recordSubmitted } from './transitions.ts'
import { firstResponseDue } from './workingDays.ts'

/** Request budgets per client address and per phone number (shared by all processes through the database). */
export const orderLimits = {
  windowSeconds: 600,
  submitPerIp: 10,
  submitPerPhone: 5,
  trackPerIp: 60,
  actPerIp: 30,
  demandPerIp: 20,
} as const

export type Ctx = { payload: Payload; ip: string; now?: Date }

const rateLimited = () => new OrderError('rate_limited', '操作太频繁，请稍后再试')

async function enforce(payload: Payload, keys: { key: string; limit: number }[], now: Date) {
  const ok = await bookingStore(payload).rateLimits.hit({ keys, windowSeconds: orderLimits.windowSeconds }, now)
  if (!ok) throw rateLimited()
}

const DAY_MS = 24 * 60 * 60 * 1000
const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`)

/** Checks what zod cannot: the windows against today, and that course, community and mode exist and fit. */
async function checkReferences(payload: Payload, input: SubmitInput, now: Date) {
  const { windows } = orderFields
  const today = new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10)
  const horizon = new Date(shanghaiMidnight(today).getTime() + windows.horizonDays * DAY_MS)
  for (const w of input.windows) {
    if (w.to < w.from) throw new OrderError('invalid_input', windows.messages.order, 'windows')
    if (w.from <= today) throw new OrderError('invalid_input', windows.messages.past, 'windows')
    if (shanghaiMidnight(w.to) > horizon) throw new OrderError('invalid_input', windows.messages.tooFar, 'windows')
  }
  // Public reads (a draft course cannot be ordered); no joins, which the courses' session list would add.
  const find = <T>(collection: 'courses' | 'communities' | 'interaction-modes', id: unknown) =>
    payload
      .findByID({
        collection: collection as 'courses',
        id: id as number,
        depth: 0,
        overrideAccess: false,
        disableErrors: true,
        joins: false,
      })
      .catch(() => null) as Promise<T | null>
  const course = await find<Course>('courses', input.course)
  if (!course) throw new OrderError('invalid_input', '课程无效，请返回课程列表重新选择', 'course')
  const community = await find<Community>('communities', input.community)
  if (!community) throw new OrderError('invalid_input', '请选择所在社区', 'community')
  if (community.street !== input.street) {
    throw new OrderError('invalid_input', '所选社区不在该街道，请重新选择', 'community')
  }
  if (!(await find('interaction-modes', input.interactionMode))) {
    throw new OrderError('invalid_input', '互动形式无效，请重新选择', 'interactionMode')
  }
}

async function findOrder(payload: Payload, where: Where): Promise<CourseOrder | undefined> {
  const { docs } = await payload.find({ collection: 'course-orders', where, depth: 0, limit: 1, overrideAccess: true })
  return docs[0]
}

/** POST /api/course-orders/submit */
export async function submitOrder(
  body: unknown,
  { payload, ip, now = new Date() }: Ctx,
): Promise<{
  status: 200 | 201
  body: { code: string; state: OrderState; stateLabel: string; firstResponseDueAt: string }
}> {
  const input = parseBody(submitInput, body)
  await checkReferences(payload, input, now)
  await enforce(
    payload,
    [
      { key: limitKey(payload, 'order:ip', ip), limit: orderLimits.submitPerIp },
      { key: limitKey(payload, 'order:phone', input.contactPhone), limit: orderLimits.submitPerPhone },
    ],
    now,
  )
  const answer = (order: CourseOrder, status: 200 | 201) => ({
    status,
    body: {
      code: order.code,
      state: order.state as OrderState,
      stateLabel: ORDER_STATE_LABELS[order.state as OrderState],
      firstResponseDueAt: String(order.firstResponseDueAt),
    },
  })
  const replay = async () => {
    const earlier = await findOrder(payload, { idempotencyKey: { equals: input.idempotencyKey } })
    if (!earlier) return undefined
    // A key is bound to the phone it first came with: someone else reusing it learns nothing.
    if (earlier.contactPhone !== input.contactPhone) {
      throw new OrderError('invalid_input', '这次提交与之前的提交不一致，请刷新页面后重新填写。')
    }
    return answer(earlier, 200)
  }
  const replayed = await replay()
  if (replayed) return replayed

  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  const dueAt = firstResponseDue(now, settings.firstResponseWorkingDays ?? 3)
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const order = await payload.create({
        collection: 'course-orders',
        overrideAccess: true,
        depth: 0,
        data: {
          code: generateBookingCode(),
          state: 'submitted',
          stateVersion: 0,
          course: input.course as number,
          organisationType: input.organisationType,
          organisationName: input.organisationName,
          street: input.street,
          community: input.community as number,
          audience: input.audience,
          headcount: input.headcount,
          windows: input.windows.map((w) => ({
            from: shanghaiMidnight(w.from).toISOString(),
            to: shanghaiMidnight(w.to).toISOString(),
          })),
          format: input.format,
          venueAddress: input.format === 'offline' ? input.venueAddress : undefined,
          interactionMode: input.interactionMode as number,
          contactName: input.contactName,
          contactPhone: input.contactPhone,
          notes: input.notes,
          consent: { policyVersion: settings.privacyPolicyVersion ?? DEFAULT_POLICY_VERSION, at: now.toISOString() },
          idempotencyKey: input.idempotencyKey,
          firstResponseDueAt: dueAt.toISOString(),
        },
      })
      await recordSubmitted(payload, order.id, now, input.contactName)
      return answer(order, 201)
    } catch (error) {
      // A concurrent request with the same key, or (rarely) a code drawn twice: answer the first, or draw again.
      const again = await replay()
      if (again) return again
      if (attempt === 2 || !/unique|duplicate|E11000/i.test(String((error as Error)?.message ?? error))) throw error
    }
  }
  throw new Error('could not draw a unique order code')
}

/** The order behind a code and phone, or one 404 for a wrong code and a wrong phone alike. */
async function orderFor(payload: Payload, input: TrackInput): Promise<CourseOrder> {
  const order = await findOrder(payload, {
    and: [{ code: { equals: input.code } }, { contactPhone: { equals: input.phone } }],
  })
  if (!order) throw orderNotFound()
  return order
}

/** Reasons the requester is shown: questions to them, their own words, refusals and cancellations. */
const PUBLIC_REASONS: OrderAction[] = [
  'request_info',
  'supply_info',
  'refuse',
  'cancel',
  'requester_change',
  'withdraw',
]

const relName = (value: unknown): string | undefined =>
  value && typeof value === 'object' ? ((value as { name?: string; title?: string }).name ?? undefined) : undefined

/**
 * What the dispatch code (cms/dispatch) has put on the order, read defensively: the pending offer (lecturer, date,
 * place) and the scheduled session.
 */
async function dispatchView(payload: Payload, order: CourseOrder, course: Course | undefined) {
  const o = order as unknown as Record<string, unknown>
  const offerRaw = (o.offer ?? undefined) as Record<string, unknown> | undefined
  const offer =
    order.state === 'awaiting_confirmation' && offerRaw
      ? {
          lecturer:
            relName(offerRaw.lecturer) ??
            (typeof offerRaw.lecturerName === 'string' ? offerRaw.lecturerName : undefined),
          startsAt: (offerRaw.startsAt ?? offerRaw.date ?? undefined) as string | undefined,
          endsAt: (offerRaw.endsAt ?? undefined) as string | undefined,
          place: (offerRaw.place ?? offerRaw.venueAddress ?? order.venueAddress ?? undefined) as string | undefined,
        }
      : undefined
  let session: { startsAt?: string; endsAt?: string; place?: string; link?: string; rosterCount?: number } | undefined
  const sessionRef = o.session as unknown
  if (sessionRef && ['scheduled', 'held', 'closed'].includes(order.state)) {
    const id = typeof sessionRef === 'object' ? (sessionRef as { id: number }).id : sessionRef
    const s = await payload
      .findByID({
        collection: 'course-sessions',
        id: id as number,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
      })
      .catch(() => null)
    if (s) {
      session = {
        startsAt: s.startsAt,
        endsAt: s.endsAt ?? undefined,
        place: placeText(s.venue) || undefined,
        // A session by invitation is booked through its link, which the requester shares with their parents.
        link:
          s.visibility === 'invitation' && s.inviteToken
            ? inviteLink(s, s.inviteToken)
            : course?.slug
              ? courseUrl(course.slug)
              : undefined,
        rosterCount: s.confirmedCount ?? 0,
      }
    }
  }
  return { offer, session }
}

/** The tracking answer: state, timeline (no staff names), offer and session, and what the requester may do. */
export async function trackView(payload: Payload, order: CourseOrder) {
  const full = await payload.findByID({
    collection: 'course-orders',
    id: order.id,
    depth: 1,
    overrideAccess: true,
    joins: false,
  })
  const course = typeof full.course === 'object' ? full.course : undefined
  const community = typeof full.community === 'object' ? full.community : undefined
  const { docs: events } = await payload.find({
    collection: 'order-events',
    where: { order: { equals: order.id } },
    sort: 'at',
    depth: 0,
    limit: 200,
    overrideAccess: true,
    pagination: false,
  })
  const state = full.state as OrderState
  const latestQuestion = [...events].reverse().find((e) => e.action === 'request_info')
  const { offer, session } = await dispatchView(payload, full, course)
  return {
    code: full.code,
    state,
    stateLabel: ORDER_STATE_LABELS[state],
    course: course ? { title: course.title, code: course.code, slug: course.slug } : undefined,
    organisationName: full.organisationName,
    street: full.street,
    community: community?.name,
    windows: (full.windows ?? []).map((w) => ({ from: w.from, to: w.to })),
    format: full.format,
    headcount: full.headcount,
    firstResponseDueAt: full.firstResponseDueAt ?? undefined,
    timeline: events.map((e: OrderEvent) => ({
      at: e.at,
      stateLabel: ORDER_STATE_LABELS[e.toState as OrderState],
      actionLabel: ORDER_RULES[e.action as OrderAction]?.label ?? e.action,
      by: ORDER_ACTOR_LABELS[e.actorKind as keyof typeof ORDER_ACTOR_LABELS],
      ...(e.reason && PUBLIC_REASONS.includes(e.action as OrderAction) ? { reason: e.reason } : {}),
    })),
    question: state === 'needs_info' ? (latestQuestion?.reason ?? undefined) : undefined,
    refusalReason: state === 'refused' ? (full.refusalReason ?? undefined) : undefined,
    cancelReason: state === 'cancelled' ? (full.cancelReason ?? undefined) : undefined,
    cancelledBy: state === 'cancelled' && full.cancelledBy ? ORDER_ACTOR_LABELS[full.cancelledBy] : undefined,
    offer,
    session,
    canWithdraw: canRequesterWithdraw(state),
    canConfirm: nextState(state, 'requester_confirm', 'requester') !== null,
    canSupplyInfo: nextState(state, 'supply_info', 'requester') !== null,
    canCancel: nextState(state, 'cancel', 'requester') !== null,
    canRate: nextState(state, 'rate', 'requester') !== null,
  }
}
export type TrackView = Awaited<ReturnType<typeof trackView>>

/** POST /api/course-orders/track */
export async function track(body: unknown, { payload, ip, now = new Date() }: Ctx): Promise<TrackView> {
  const input = parseBody(trackInput, body)
  await enforce(payload, [{ key: limitKey(payload, 'order-track:ip', ip), limit: orderLimits.trackPerIp }], now)
  return trackView(payload, await orderFor(payload, input))
}

/**
 * A requester's step on their own order (withdraw, supply_info, requester_confirm, requester_change, cancel),
 * identified by code and phone like tracking; answers with the new tracking view.
 */
export async function requesterAction(
  action: OrderAction,
  body: unknown,
  { payload, ip, now = new Date() }: Ctx,
): Promise<TrackView> {
  const input = parseBody(ORDER_RULES[action].reasonRequired ? reasonedInput : optionalReasonInput, body)
  await enforce(payload, [{ key: limitKey(payload, 'order-act:ip', ip), limit: orderLimits.actPerIp }], now)
  const order = await orderFor(payload, input)
  const updated = await applyTransition(payload, {
    orderId: order.id,
    action,
    actor: { kind: 'requester', name: order.contactName },
    reason: input.reason,
    now,
  })
  // Both sides have confirmed: the order becomes its course session (cms/dispatch/sessions.ts).
  if (action === 'requester_confirm') await createSessionForOrder(payload, updated, now)
  return trackView(payload, updated)
}

/**
 * POST /api/course-orders/rate {code, phone, score, comment?}: once the session has been held, the requester rates
 * it (the rating is the dispatch code's `ratings` record, one per order) and the order closes (已评价/结项).
 */
export async function requesterRate(body: unknown, { payload, ip, now = new Date() }: Ctx): Promise<TrackView> {
  const input = parseBody(rateInput, body)
  await enforce(payload, [{ key: limitKey(payload, 'order-act:ip', ip), limit: orderLimits.actPerIp }], now)
  const order = await orderFor(payload, input)
  const state = order.state as OrderState
  if (!nextState(state, 'rate', 'requester')) {
    throw new OrderError('invalid_transition', `该点单当前为“${ORDER_STATE_LABELS[state]}”，活动开展后才能评价`)
  }
  await recordRequesterRating(payload, order, input.score, input.comment)
  try {
    return trackView(
      payload,
      await applyTransition(payload, {
        orderId: order.id,
        action: 'rate',
        actor: { kind: 'requester', name: order.contactName },
        now,
      }),
    )
  } catch (error) {
    // Staff closed the order at the same moment: the rating stands, the order is closed either way.
    if ((error as { code?: string }).code === 'conflict') return trackView(payload, order)
    throw error
  }
}

/** The keyed hash a demand signal keeps instead of the phone number. */
export const phoneHash = (payload: Payload, phone: string) =>
  createHmac('sha256', payload.secret).update(`demand:${phone}`).digest('base64url')

/**
 * POST /api/demand-signals/signal — '我的社区也想听'. One per phone per course (a unique index); a repeat gets the
 * same answer as the first, so the answer never tells whether a number has signalled before.
 */
export async function signalDemand(body: unknown, { payload, ip, now = new Date() }: Ctx) {
  const input: DemandInput = parseBody(demandInput, body)
  await enforce(
    payload,
    [
      { key: limitKey(payload, 'demand:ip', ip), limit: orderLimits.demandPerIp },
      { key: limitKey(payload, 'demand:phone', input.phone), limit: 10 },
    ],
    now,
  )
  const course = await payload
    .findByID({
      collection: 'courses',
      id: input.course as number,
      depth: 0,
      overrideAccess: false,
      disableErrors: true,
      joins: false,
    })
    .catch(() => null)
  if (!course) throw new OrderError('invalid_input', '课程无效，请刷新页面后重试', 'course')
  const community = await payload
    .findByID({ collection: 'communities', id: input.community as number, depth: 0, disableErrors: true })
    .catch(() => null)
  if (!community) throw new OrderError('invalid_input', '请选择所在社区', 'community')
  if (community.street !== input.street) {
    throw new OrderError('invalid_input', '所选社区不在该街道，请重新选择', 'community')
  }
  const hash = phoneHash(payload, input.phone)
  try {
    await payload.create({
      collection: 'demand-signals',
      overrideAccess: true,
      depth: 0,
      data: { course: course.id, street: input.street, community: community.id, phoneHash: hash },
    })
  } catch (error) {
    const { totalDocs } = await payload.count({
      collection: 'demand-signals',
      where: { and: [{ course: { equals: course.id } }, { phoneHash: { equals: hash } }] },
      overrideAccess: true,
    })
    if (!totalDocs) throw error
  }
  return { ok: true, message: '已记录，我们会优先考虑在您的社区开课' }
}

/** GET /api/course-orders/options: what the order form offers (communities by street, interaction modes). */
export async function orderOptions(payload: Payload) {
  const [communities, modes] = await Promise.all([
    payload.find({ collection: 'communities', depth: 0, limit: 2000, pagination: false, sort: 'code' }),
    payload.find({ collection: 'interaction-modes', depth: 0, limit: 100, pagination: false, sort: 'order' }),
  ])
  return {
    communities: communities.docs.map((c) => ({ id: c.id, name: c.name, street: c.street })),
    interactionModes: modes.docs.map((m) => ({ id: m.id, name: m.name })),
  }
}

/** Staff view of demand: counts per course × community, largest first. */
export async function demandCounts(payload: Payload, user?: Parameters<typeof streetWhere>[0]) {
  const scope = streetWhere(user, 'street')
  const { docs } = await payload.find({
    collection: 'demand-signals',
    depth: 1,
    limit: 100000,
    pagination: false,
    overrideAccess: true,
    ...(scope === true ? {} : { where: scope }),
    select: { course: true, community: true, street: true },
  })
  const counts = new Map<string, { course: string; street: string; community: string; count: number }>()
  for (const d of docs) {
    const course = typeof d.course === 'object' ? `${d.course.code} ${d.course.title}` : String(d.course)
    const community = typeof d.community === 'object' ? d.community.name : String(d.community)
    const key = `${course}|${community}`
    const row = counts.get(key) ?? { course, street: d.street, community, count: 0 }
    row.count++
    counts.set(key, row)
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.course.localeCompare(b.course))
}
