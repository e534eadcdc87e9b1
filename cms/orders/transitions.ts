import type { Payload } from 'payload'
import { orderReasonField } from '../../common/orders/fields.ts'
import {
  nextState,
  ORDER_RULES,
  ORDER_STATE_LABELS,
  type OrderAction,
  type OrderActorKind,
  type OrderState,
} from '../../common/orders/states.ts'
import { FORBIDDEN_TEXT_MESSAGE, hasForbiddenCharacters } from '../../common/text.ts'
import type { DocId } from '../booking/schemas.ts'
import type { CourseOrder } from '../payload-types.ts'
import { conflict, OrderError, orderNotFound } from './errors.ts'
import { orderStore } from './index.ts'
import type { TransitionSet, TransitionWrite } from './store.ts'

export type OrderActor = { kind: OrderActorKind; userId?: DocId; name?: string }

export type TransitionInput = {
  orderId: DocId
  action: OrderAction
  actor: OrderActor
  reason?: string
  /** Further fields of the order written with the transition (the dispatch code's offer, lecturer, session). */
  patch?: Record<string, unknown>
  now?: Date
}

const STAFF_FIRST_RESPONSES: OrderAction[] = ['request_info', 'accept', 'refuse']

/** The order fields a transition sets beside its state. */
function fieldsFor(action: OrderAction, actor: OrderActor, reason: string | undefined, now: Date): TransitionSet {
  const set: TransitionSet = {}
  if (action === 'refuse') set.refusalReason = reason
  if (action === 'cancel') {
    set.cancelReason = reason
    set.cancelledBy = actor.kind === 'requester' ? 'requester' : 'staff'
  }
  if (actor.kind === 'staff' && STAFF_FIRST_RESPONSES.includes(action)) set.firstRespondedAt = now
  return set
}

function checkReason(action: OrderAction, reason: string | undefined): string | undefined {
  const text = reason?.trim() || undefined
  const { minLength, maxLength, messages } = orderReasonField
  if (!text) {
    if (ORDER_RULES[action].reasonRequired) throw new OrderError('invalid_input', messages.required, 'reason')
    return undefined
  }
  if (text.length < minLength) throw new OrderError('invalid_input', messages.tooShort, 'reason')
  if (text.length > maxLength) throw new OrderError('invalid_input', messages.tooLong, 'reason')
  if (hasForbiddenCharacters(text, { multiline: true })) {
    throw new OrderError('invalid_input', `说明${FORBIDDEN_TEXT_MESSAGE}`, 'reason')
  }
  return text
}

/** The first event of every order (提交点单), written when it is created. */
export const recordSubmitted = (payload: Payload, orderId: DocId, at: Date, contactName: string) =>
  payload.create({
    collection: 'order-events',
    overrideAccess: true,
    depth: 0,
    data: {
      order: orderId as number,
      at: at.toISOString(),
      toState: 'submitted',
      action: 'submit',
      actorKind: 'requester',
      actorName: contactName,
    },
  })

export async function loadOrder(payload: Payload, id: DocId): Promise<CourseOrder> {
  const order = await payload
    .findByID({ collection: 'course-orders', id: id as number, depth: 0, overrideAccess: true, disableErrors: true })
    .catch(() => null)
  if (!order) throw orderNotFound()
  return order
}

/**
 * Moves an order one step along the state machine (common/orders/states.ts): checks that `actor` may take `action`
 * from the order's current state, then writes the new state, its own fields and an event row (who, when, why) as
 * one compare-and-set in the database. Of two transitions started on the same order at once exactly one wins; the
 * other gets a 409 (`conflict`). `patch` is then written through Payload (its hooks and validation run); if that
 * fails the transition is undone and the error passes on.
 */
export async function applyTransition(payload: Payload, input: TransitionInput): Promise<CourseOrder> {
  const now = input.now ?? new Date()
  const order = await loadOrder(payload, input.orderId)
  const from = order.state as OrderState
  const to = nextState(from, input.action, input.actor.kind)
  if (!to) {
    throw new OrderError(
      'invalid_transition',
      `该点单当前为“${ORDER_STATE_LABELS[from]}”，不能“${ORDER_RULES[input.action]?.label ?? input.action}”`,
    )
  }
  const reason = checkReason(input.action, input.reason)
  const write: TransitionWrite = {
    orderId: order.id,
    from,
    version: order.stateVersion ?? 0,
    to,
    action: input.action,
    actorKind: input.actor.kind,
    actorUserId: input.actor.userId,
    actorName: input.actor.name,
    reason,
    at: now,
    set: fieldsFor(input.action, input.actor, reason, now),
  }
  const store = orderStore(payload)
  if (!(await store.transition(write))) throw conflict()
  if (input.patch && Object.keys(input.patch).length) {
    try {
      return await payload.update({
        collection: 'course-orders',
        id: order.id,
        data: input.patch,
        depth: 0,
        overrideAccess: true,
        context: { orderTransition: input.action },
      })
    } catch (error) {
      await store.undo(write)
      throw error
    }
  }
  return loadOrder(payload, order.id)
}
