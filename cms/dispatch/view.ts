import type { Payload } from 'payload'
import {
  ORDER_ACTOR_LABELS,
  ORDER_RULES,
  ORDER_STATE_LABELS,
  type OrderAction,
  type OrderState,
} from '../../common/orders/states.ts'
import type { Course, CourseOrder, CourseSession, Lecturer } from '../payload-types.ts'
import { asDispatch, idOf, loadOrderDeep, offerOf } from './offers.ts'
import { inviteLink } from './sessions.ts'

/** What the dispatch tab shows for one order: the request, the current offer, the session and the full timeline. */
export async function dispatchView(payload: Payload, order: CourseOrder) {
  const full = await loadOrderDeep(payload, order.id)
  const course = full.course as Course
  const offer = offerOf(full)
  const sessionId = idOf(asDispatch(full).session)
  const session = sessionId
    ? ((await payload
        .findByID({ collection: 'course-sessions', id: sessionId as number, depth: 0, overrideAccess: true })
        .catch(() => null)) as (CourseSession & { inviteToken?: string; visibility?: string }) | null)
    : null
  const { docs: events } = await payload.find({
    collection: 'order-events',
    where: { order: { equals: order.id } },
    sort: 'at',
    depth: 0,
    limit: 500,
    pagination: false,
    overrideAccess: true,
  })
  const state = full.state as OrderState
  return {
    id: full.id,
    code: full.code,
    state,
    stateLabel: ORDER_STATE_LABELS[state],
    course: { id: course.id, title: course.title, code: course.code },
    street: full.street,
    headcount: full.headcount,
    format: full.format,
    windows: (full.windows ?? []).map((w) => ({ from: w.from, to: w.to })),
    firstResponseDueAt: full.firstResponseDueAt ?? null,
    visibility: asDispatch(full).visibility ?? 'invitation',
    offer: offer.status
      ? {
          lecturer: (offer.lecturer as Lecturer | null)?.name ?? null,
          status: offer.status,
          startsAt: offer.startsAt,
          endsAt: offer.endsAt,
          expiresAt: offer.expiresAt,
          declineReason: offer.declineReason ?? null,
        }
      : null,
    session: session
      ? {
          id: session.id,
          startsAt: session.startsAt,
          confirmedCount: session.confirmedCount ?? 0,
          capacity: session.capacity,
          visibility: session.visibility ?? 'public',
          inviteLink:
            session.visibility === 'invitation' && session.inviteToken
              ? inviteLink(session, session.inviteToken)
              : null,
        }
      : null,
    timeline: events.map((e) => ({
      at: e.at,
      action: ORDER_RULES[e.action as OrderAction]?.label ?? e.action,
      toState: ORDER_STATE_LABELS[e.toState as OrderState],
      by: e.actorName ?? ORDER_ACTOR_LABELS[e.actorKind as keyof typeof ORDER_ACTOR_LABELS],
      reason: e.reason ?? null,
    })),
  }
}
