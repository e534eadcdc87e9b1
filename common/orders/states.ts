/**
 * The course order (点单) state machine: pure and browser-safe, shared by the CMS (transitions, admin labels) and the
 * site (tracking page). 点单—审单—派单—接单—评单.
 */

export const ORDER_STATES = [
  'submitted',
  'needs_info',
  'accepted',
  'scheduling',
  'awaiting_confirmation',
  'scheduled',
  'held',
  'closed',
  'refused',
  'withdrawn',
  'cancelled',
] as const
export type OrderState = (typeof ORDER_STATES)[number]

export const ORDER_STATE_LABELS: Record<OrderState, string> = {
  submitted: '待审核',
  needs_info: '需补充',
  accepted: '已受理',
  scheduling: '排期中',
  awaiting_confirmation: '待确认',
  scheduled: '已排期',
  held: '已开展',
  closed: '已评价/结项',
  refused: '已拒绝',
  withdrawn: '已撤回',
  cancelled: '已取消',
}

/** English admin labels (the admin speaks Chinese by default, English on request). */
export const ORDER_STATE_LABELS_EN: Record<OrderState, string> = {
  submitted: 'Awaiting review',
  needs_info: 'Needs information',
  accepted: 'Accepted',
  scheduling: 'Scheduling',
  awaiting_confirmation: 'Awaiting confirmation',
  scheduled: 'Scheduled',
  held: 'Held',
  closed: 'Rated / closed',
  refused: 'Refused',
  withdrawn: 'Withdrawn',
  cancelled: 'Cancelled',
}

/** States an order never leaves. */
export const FINAL_ORDER_STATES: readonly OrderState[] = ['closed', 'refused', 'withdrawn', 'cancelled']

export const ORDER_ACTOR_KINDS = ['requester', 'staff', 'lecturer', 'system'] as const
export type OrderActorKind = (typeof ORDER_ACTOR_KINDS)[number]

export const ORDER_ACTOR_LABELS: Record<OrderActorKind, string> = {
  requester: '申请单位',
  staff: '区妇联',
  lecturer: '讲师',
  system: '系统',
}

export const ORDER_ACTIONS = [
  'submit',
  'request_info',
  'supply_info',
  'accept',
  'refuse',
  'offer',
  'lecturer_accept',
  'lecturer_decline',
  'offer_expired',
  'requester_confirm',
  'requester_change',
  'withdraw',
  'cancel',
  'mark_held',
  'rate',
  'close',
] as const
export type OrderAction = (typeof ORDER_ACTIONS)[number]

export type OrderRule = {
  /** States the action may start from. */
  from: readonly OrderState[]
  /** The state it leads to. */
  to: OrderState
  /** Who may take it. */
  actors: readonly OrderActorKind[]
  /** The action must carry a reason (a question, an answer, why). */
  reasonRequired: boolean
  /** Chinese wording for the timeline. */
  label: string
}

/**
 * Every transition. `submit` only starts an order (it has no `from`); it is listed so the timeline's first step has
 * a label. `offer` is allowed from `scheduling` only while no offer is pending — that condition lives with the
 * dispatch code, which tracks the offer.
 */
export const ORDER_RULES: Record<OrderAction, OrderRule> = {
  submit: { from: [], to: 'submitted', actors: ['requester'], reasonRequired: false, label: '提交点单' },
  request_info: {
    from: ['submitted'],
    to: 'needs_info',
    actors: ['staff'],
    reasonRequired: true,
    label: '请补充信息',
  },
  supply_info: {
    from: ['needs_info'],
    to: 'submitted',
    actors: ['requester'],
    reasonRequired: true,
    label: '已补充信息',
  },
  accept: {
    from: ['submitted', 'needs_info'],
    to: 'accepted',
    actors: ['staff'],
    reasonRequired: false,
    label: '受理',
  },
  refuse: {
    from: ['submitted', 'needs_info', 'accepted', 'scheduling'],
    to: 'refused',
    actors: ['staff'],
    reasonRequired: true,
    label: '不予受理',
  },
  offer: {
    from: ['accepted', 'scheduling'],
    to: 'scheduling',
    actors: ['staff'],
    reasonRequired: false,
    label: '邀请讲师',
  },
  lecturer_accept: {
    from: ['scheduling'],
    to: 'awaiting_confirmation',
    actors: ['lecturer'],
    reasonRequired: false,
    label: '讲师接单',
  },
  lecturer_decline: {
    from: ['scheduling'],
    to: 'scheduling',
    actors: ['lecturer'],
    reasonRequired: true,
    label: '讲师无法接单',
  },
  offer_expired: {
    from: ['scheduling'],
    to: 'scheduling',
    actors: ['system'],
    reasonRequired: false,
    label: '讲师未在期限内答复',
  },
  requester_confirm: {
    from: ['awaiting_confirmation'],
    to: 'scheduled',
    actors: ['requester'],
    reasonRequired: false,
    label: '确认时间',
  },
  requester_change: {
    from: ['awaiting_confirmation'],
    to: 'scheduling',
    actors: ['requester'],
    reasonRequired: true,
    label: '申请改期',
  },
  withdraw: {
    from: ['submitted', 'needs_info', 'accepted', 'scheduling', 'awaiting_confirmation'],
    to: 'withdrawn',
    actors: ['requester'],
    reasonRequired: false,
    label: '撤回点单',
  },
  cancel: {
    from: ['scheduled'],
    to: 'cancelled',
    actors: ['staff', 'requester'],
    reasonRequired: true,
    label: '取消活动',
  },
  mark_held: {
    from: ['scheduled'],
    to: 'held',
    actors: ['staff', 'system'],
    reasonRequired: false,
    label: '活动已开展',
  },
  rate: { from: ['held'], to: 'closed', actors: ['requester'], reasonRequired: false, label: '评价' },
  close: { from: ['held'], to: 'closed', actors: ['staff'], reasonRequired: false, label: '结项' },
}

/** The state `action` by `actorKind` leads to from `state`, or null when the machine refuses it. */
export function nextState(state: OrderState, action: OrderAction, actorKind: OrderActorKind): OrderState | null {
  const rule = ORDER_RULES[action]
  if (!rule?.from.includes(state) || !rule.actors.includes(actorKind)) return null
  return rule.to
}

/** The actions `actorKind` may take on an order in `state`. */
export const allowedActions = (state: OrderState, actorKind: OrderActorKind): OrderAction[] =>
  ORDER_ACTIONS.filter((action) => nextState(state, action, actorKind) !== null)

export const isOrderState = (value: unknown): value is OrderState =>
  typeof value === 'string' && (ORDER_STATES as readonly string[]).includes(value)

export const isOrderAction = (value: unknown): value is OrderAction =>
  typeof value === 'string' && (ORDER_ACTIONS as readonly string[]).includes(value)

/** Admin select options for the state field. */
export const ORDER_STATE_OPTIONS = ORDER_STATES.map((value) => ({
  value,
  label: { zh: ORDER_STATE_LABELS[value], en: ORDER_STATE_LABELS_EN[value] },
}))

/** The requester can still withdraw (before the date is fixed). */
export const canRequesterWithdraw = (state: OrderState) => nextState(state, 'withdraw', 'requester') !== null
