import type { OrderAction, OrderActorKind, OrderState } from '../../common/orders/states.ts'
import type { DocId } from '../booking/schemas.ts'

/** Fields of the order a transition sets in the same write as its state (the ones the order domain owns). */
export type TransitionSet = {
  refusalReason?: string
  cancelReason?: string
  cancelledBy?: 'requester' | 'staff'
  /** Set only if not set before: the first time staff answered. */
  firstRespondedAt?: Date
}

/** One transition as the store writes it: the compare-and-set and its event row. */
export type TransitionWrite = {
  orderId: DocId
  /** The state and version the caller read; the write happens only if the order still has both. */
  from: OrderState
  version: number
  to: OrderState
  action: OrderAction
  actorKind: OrderActorKind
  actorUserId?: DocId
  actorName?: string
  reason?: string
  at: Date
  set: TransitionSet
}

/**
 * The order rules that must hold across several server processes on one database. `transition` is one atomic
 * database operation: the order moves only if it is still in the state (and at the version) the caller read, and
 * the event row is written with it, so of two staff acting at once exactly one wins and the history never misses
 * a step. Implemented for SQLite (sqlite/) and MongoDB (mongodb/).
 */
export interface OrderStore {
  /** Creates the database objects the store relies on (triggers, indexes); safe to run on every start. */
  install(): Promise<void>
  /** True when the order moved; false when another transition got there first (nothing written). */
  transition(write: TransitionWrite): Promise<boolean>
  /**
   * Undoes a transition whose follow-up write failed (the order goes back, its event row is removed): the pair
   * is then as if the transition had never been taken. Only for the caller's own, just-made transition.
   */
  undo(write: TransitionWrite): Promise<void>
}
