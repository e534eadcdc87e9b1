import type { Payload } from 'payload'
import { ORDER_STATE_LABELS, type OrderState } from '../../common/orders/states.ts'
import { offerAnswerUrl } from '../../common/urls.ts'
import type { DocId } from '../booking/schemas.ts'
import { env } from '../env.ts'
import { OrderError } from '../orders/errors.ts'
import { applyTransition, loadOrder, type OrderActor } from '../orders/transitions.ts'
import type { Community, Course, CourseOrder, Lecturer, User } from '../payload-types.ts'
import { commitmentStore } from './commitments/index.ts'
import { offerClosed, offerLinkExpired, offerLinkInvalid } from './errors.ts'
import { activeCommitments, courseLecturers } from './lecturers.ts'
import {
  type Candidate,
  type Interval,
  judgeLecturers,
  shanghai,
  shanghaiMonth,
  UNAVAILABILITY_LABELS,
} from './matching.ts'
import { sendMessage } from './notify.ts'
import { newNonce, offerToken, readOfferToken } from './offerToken.ts'
import type { OfferStatus } from './orderFields.ts'
import type { SessionVisibility } from './sessionFields.ts'
import { renderDispatcherNotice, renderOfferMessage } from './templates.ts'

/** How long a lecturer has to answer an offer unless the site settings say otherwise. */
const DEFAULT_OFFER_HOURS = 48
const HOUR_MS = 60 * 60 * 1000
const FIVE_MINUTES = 5 * 60 * 1000
const MAX_SESSION_HOURS = 8

export type Offer = {
  lecturer?: DocId | Lecturer | null
  status?: OfferStatus | null
  startsAt?: string | null
  endsAt?: string | null
  sentAt?: string | null
  expiresAt?: string | null
  place?: string | null
  declineReason?: string | null
  nonce?: string | null
  commitment?: DocId | { id: DocId } | null
  sentBy?: DocId | null
}
type DispatchOrder = CourseOrder & {
  offer?: Offer | null
  lecturer?: DocId | Lecturer | null
  session?: DocId | { id: DocId } | null
  visibility?: SessionVisibility | null
}

/** The order with its relations (course, community, lecturer) as documents. */
export const loadOrderDeep = (payload: Payload, id: DocId) =>
  payload.findByID({ collection: 'course-orders', id: id as number, depth: 1, overrideAccess: true, joins: false })

export const idOf = (value: unknown): DocId | undefined =>
  value == null ? undefined : typeof value === 'object' ? (value as { id: DocId }).id : (value as DocId)
export const asDispatch = (order: CourseOrder) => order as DispatchOrder
export const offerOf = (order: CourseOrder): Offer => asDispatch(order).offer ?? {}

/** The offer as stored (ids, not documents), so a patch can carry all of it. */
const plainOffer = (offer: Offer): Offer => ({
  ...offer,
  lecturer: idOf(offer.lecturer),
  commitment: idOf(offer.commitment),
})

/** Checks a proposed time: whole 5 minutes, in the future, at most 8 hours, on a day of one of the order's windows. */
export function checkProposedTime(order: CourseOrder, at: Interval, now: Date) {
  const bad = (message: string, field = 'startsAt') => new OrderError('invalid_input', message, field)
  if (Number.isNaN(at.startsAt.getTime()) || Number.isNaN(at.endsAt.getTime())) throw bad('请选择日期和开始、结束时间')
  if (at.endsAt <= at.startsAt) throw bad('结束时间应晚于开始时间', 'endsAt')
  if (at.endsAt.getTime() - at.startsAt.getTime() > MAX_SESSION_HOURS * HOUR_MS)
    throw bad('一场课程不超过 8 小时', 'endsAt')
  if (at.startsAt.getTime() % FIVE_MINUTES || at.endsAt.getTime() % FIVE_MINUTES) throw bad('时间请按 5 分钟取整')
  if (at.startsAt <= now) throw bad('开始时间已过，请选择以后的时间')
  const day = shanghai(at.startsAt).day
  const inWindow = (order.windows ?? []).some(
    (w) => shanghai(new Date(w.from)).day <= day && day <= shanghai(new Date(w.to)).day,
  )
  if (!inWindow) throw bad('所选日期不在申请单位希望的时间段内')
}

/** Lecturers who teach the order's course, judged at the interval: the free ones to pick from, the others with why. */
export async function candidatesFor(payload: Payload, order: CourseOrder, at: Interval) {
  const lecturers = await courseLecturers(payload, idOf(order.course) as DocId)
  const month = shanghaiMonth(at.startsAt)
  const commitments = await activeCommitments(
    payload,
    lecturers.map((l) => l.id),
    new Date(Math.min(month.start.getTime(), at.startsAt.getTime())),
    new Date(Math.max(month.end.getTime(), at.endsAt.getTime())),
  )
  const judged = judgeLecturers(lecturers, commitments, idOf(order.course) as DocId, at)
  const share = (c: Candidate) => (c.cap ? c.load / c.cap : 0)
  const free = judged
    .filter((c) => !c.reasons.length)
    .sort((a, b) => share(a) - share(b) || a.load - b.load || a.name.localeCompare(b.name, 'zh-CN'))
  const busy = judged
    .filter((c) => c.reasons.length)
    .map((c) => ({ ...c, why: c.reasons.map((r) => UNAVAILABILITY_LABELS[r]).join('；') }))
  return { free, busy }
}

const areaOf = (order: CourseOrder) => {
  const community = typeof order.community === 'object' ? (order.community as Community).name : ''
  return `${order.street}${community}`
}

/** The public link a lecturer answers an offer through. */
export const offerLink = (token: string) => `${env().siteUrl}${offerAnswerUrl}?t=${encodeURIComponent(token)}`

export type SendOfferInput = {
  orderId: DocId
  lecturerId: DocId
  startsAt: Date
  endsAt: Date
  visibility?: SessionVisibility
  actor: OrderActor
  now?: Date
}

/**
 * The dispatcher offers the order to a lecturer at a time: the lecturer must teach the course and be free then
 * (weekly slots, blocked dates, monthly cap); the time is held in the commitments store, whose database rule
 * decides between two coordinators assigning the same lecturer at once; then the order moves (offer) with the
 * offer on it, and the lecturer gets the message with the signed link.
 */
export async function sendOffer(payload: Payload, input: SendOfferInput) {
  const now = input.now ?? new Date()
  const order = await loadOrder(payload, input.orderId)
  if (offerOf(order).status === 'pending') {
    throw new OrderError('invalid_transition', '该点单已有待讲师答复的邀请，请等待答复或到期后再邀请')
  }
  if (!['accepted', 'scheduling'].includes(order.state)) {
    throw new OrderError(
      'invalid_transition',
      `该点单当前为“${ORDER_STATE_LABELS[order.state as OrderState]}”，不能邀请讲师`,
    )
  }
  const at = { startsAt: input.startsAt, endsAt: input.endsAt }
  checkProposedTime(order, at, now)
  const { free, busy } = await candidatesFor(payload, order, at)
  const chosen = free.find((c) => String(c.id) === String(input.lecturerId))
  if (!chosen) {
    const why = busy.find((c) => String(c.id) === String(input.lecturerId))?.why ?? '不教授该课程'
    throw new OrderError('invalid_input', `不能邀请该讲师：${why}`, 'lecturer')
  }
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  const month = shanghaiMonth(at.startsAt)
  const held = await commitmentStore(payload).hold({
    lecturer: chosen.id,
    startsAt: at.startsAt,
    endsAt: at.endsAt,
    kind: 'offer',
    order: order.id,
    cap: chosen.cap,
    monthStart: month.start,
    monthEnd: month.end,
    now,
  })
  if (!held.ok) {
    throw new OrderError(
      'conflict',
      held.reason === 'overlap' ? '该讲师在此时间刚刚已有其他安排，请刷新后另选' : '该讲师本月场次已满，请另选讲师',
      'lecturer',
    )
  }
  const nonce = newNonce()
  const expiresAt = new Date(now.getTime() + (settings.offerExpiryHours ?? DEFAULT_OFFER_HOURS) * HOUR_MS)
  const offer: Offer = {
    lecturer: chosen.id,
    status: 'pending',
    startsAt: at.startsAt.toISOString(),
    endsAt: at.endsAt.toISOString(),
    sentAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    place: order.format === 'online' ? '线上' : (order.venueAddress ?? areaOf(order)),
    declineReason: null,
    nonce,
    commitment: held.id,
    sentBy: input.actor.userId ?? null,
  }
  let updated: CourseOrder
  try {
    updated = await applyTransition(payload, {
      orderId: order.id,
      action: 'offer',
      actor: input.actor,
      now,
      patch: { offer, ...(input.visibility ? { visibility: input.visibility } : {}) },
    })
  } catch (error) {
    await commitmentStore(payload).release(held.id, 'offer not sent', now)
    throw error
  }
  const link = offerLink(offerToken(payload.secret, { order: String(order.id), nonce, expiresAt }))
  await notifyLecturer(payload, updated, chosen.id, link)
  return { order: updated, link }
}

async function notifyLecturer(payload: Payload, order: CourseOrder, lecturerId: DocId, link: string) {
  const full = await loadOrderDeep(payload, order.id)
  const lecturer = (await payload.findByID({
    collection: 'lecturers',
    id: lecturerId as number,
    depth: 0,
    overrideAccess: true,
    joins: false,
  })) as Lecturer & { contactPhone?: string | null; contactEmail?: string | null }
  const offer = offerOf(full)
  const course = full.course as Course
  const text = renderOfferMessage({
    courseTitle: course.title,
    startsAt: String(offer.startsAt),
    endsAt: String(offer.endsAt),
    area: full.format === 'online' ? '线上' : areaOf(full),
    expiresAt: String(offer.expiresAt),
    link,
  })
  await sendMessage(
    payload,
    { phone: lecturer.contactPhone, email: lecturer.contactEmail },
    text,
    { name: 'offer', params: { course: course.title, time: String(offer.startsAt), url: link } },
    `福家大讲堂授课邀请：${course.title}`,
  )
}

/** Tells the coordinator who sent the offer what became of it (by email). */
async function notifyDispatcher(payload: Payload, order: CourseOrder, what: 'declined' | 'expired' | 'accepted') {
  const sentBy = idOf(offerOf(order).sentBy)
  const user = sentBy
    ? ((await payload
        .findByID({ collection: 'users', id: sentBy as number, depth: 0, overrideAccess: true, disableErrors: true })
        .catch(() => null)) as User | null)
    : null
  if (!user?.email) return
  const course = await payload.findByID({
    collection: 'courses',
    id: idOf(order.course) as number,
    depth: 0,
    overrideAccess: true,
    joins: false,
  })
  const { subject, text } = renderDispatcherNotice({ code: order.code, courseTitle: course.title, what })
  try {
    await payload.sendEmail({ to: user.email, subject, text })
  } catch (error) {
    payload.logger.error({ err: error, msg: 'dispatcher notice failed' })
  }
}

/** The order an offer link names, if the link is genuine, unexpired and its offer is the order's current one. */
async function orderOfToken(payload: Payload, token: string, now: Date): Promise<CourseOrder> {
  const check = readOfferToken(payload.secret, token, now)
  if (!check.ok) throw check.reason === 'expired' ? offerLinkExpired() : offerLinkInvalid()
  const order = await loadOrder(payload, check.claim.order).catch(() => {
    throw offerLinkInvalid()
  })
  if (offerOf(order).nonce !== check.claim.nonce) throw offerClosed()
  return order
}

/** What the lecturer's page shows: course, place, time, requester, and whether it still waits for an answer. */
export async function offerView(payload: Payload, token: string, now = new Date()) {
  const order = await orderOfToken(payload, token, now)
  const full = await loadOrderDeep(payload, order.id)
  const offer = offerOf(full)
  const course = full.course as Course
  const lecturer = offer.lecturer && typeof offer.lecturer === 'object' ? (offer.lecturer as Lecturer) : undefined
  return {
    code: full.code,
    course: { title: course.title, code: course.code },
    lecturer: lecturer?.name,
    startsAt: offer.startsAt,
    endsAt: offer.endsAt,
    expiresAt: offer.expiresAt,
    format: full.format,
    place: offer.place ?? areaOf(full),
    area: areaOf(full),
    organisation: full.organisationName,
    headcount: full.headcount,
    audience: full.audience,
    status: offer.status ?? 'pending',
    canAnswer: offer.status === 'pending' && full.state === 'scheduling',
  }
}

/** The lecturer's answer through their link: accept (the requester confirms next) or decline with a reason. */
export async function answerOffer(
  payload: Payload,
  token: string,
  answer: 'accept' | 'decline',
  reason: string | undefined,
  now = new Date(),
) {
  const order = await orderOfToken(payload, token, now)
  const offer = offerOf(order)
  if (offer.status !== 'pending' || order.state !== 'scheduling') throw offerClosed()
  const lecturer = await payload.findByID({
    collection: 'lecturers',
    id: idOf(offer.lecturer) as number,
    depth: 0,
    overrideAccess: true,
    joins: false,
  })
  const actor: OrderActor = { kind: 'lecturer', name: lecturer.name }
  if (answer === 'accept') {
    const updated = await applyTransition(payload, {
      orderId: order.id,
      action: 'lecturer_accept',
      actor,
      now,
      patch: { offer: { ...plainOffer(offer), status: 'accepted' }, lecturer: lecturer.id },
    })
    await notifyDispatcher(payload, updated, 'accepted')
    return offerView(payload, token, now)
  }
  const updated = await applyTransition(payload, {
    orderId: order.id,
    action: 'lecturer_decline',
    actor,
    reason,
    now,
    patch: { offer: { ...plainOffer(offer), status: 'declined', declineReason: reason?.trim() } },
  })
  const commitment = idOf(offer.commitment)
  if (commitment) await commitmentStore(payload).release(commitment, 'declined', now)
  await notifyDispatcher(payload, updated, 'declined')
  return offerView(payload, token, now)
}

/**
 * Offers nobody answered by their expiry go back: the order stays 排期中 with the offer marked expired (an
 * offer_expired step in its history), the lecturer's time is freed and the dispatcher is told. Run by the dispatch
 * job every minute; safe in several processes at once (a transition is a compare-and-set).
 */
export async function expireOffers(payload: Payload, now = new Date()): Promise<number> {
  const { docs } = await payload.find({
    collection: 'course-orders',
    where: {
      and: [
        { state: { equals: 'scheduling' } },
        { 'offer.status': { equals: 'pending' } },
        { 'offer.expiresAt': { less_than_equal: now.toISOString() } },
      ],
    },
    depth: 0,
    limit: 200,
    overrideAccess: true,
  })
  let expired = 0
  for (const order of docs) {
    const offer = offerOf(order)
    try {
      const updated = await applyTransition(payload, {
        orderId: order.id,
        action: 'offer_expired',
        actor: { kind: 'system' },
        now,
        patch: { offer: { ...plainOffer(offer), status: 'expired' } },
      })
      const commitment = idOf(offer.commitment)
      if (commitment) await commitmentStore(payload).release(commitment, 'expired', now)
      await notifyDispatcher(payload, updated, 'expired')
      expired++
    } catch (error) {
      if (!(error instanceof OrderError)) throw error // another process got there first
    }
  }
  return expired
}
