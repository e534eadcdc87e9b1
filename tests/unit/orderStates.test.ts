import { describe, expect, it } from 'vitest'
import {
  allowedActions,
  canRequesterWithdraw,
  nextState,
  ORDER_ACTIONS,
  ORDER_ACTOR_KINDS,
  ORDER_RULES,
  ORDER_STATE_LABELS,
  ORDER_STATES,
  type OrderAction,
  type OrderActorKind,
  type OrderState,
} from '../../common/orders/states.ts'

/**
 * The machine written out again as a plain list, independent of ORDER_RULES: `action actor: from… -> to`.
 * Every (state, action, actor) triple not listed here must be refused.
 */
const ALLOWED = `
request_info staff: submitted -> needs_info
supply_info requester: needs_info -> submitted
accept staff: submitted needs_info -> accepted
refuse staff: submitted needs_info accepted scheduling -> refused
offer staff: accepted scheduling -> scheduling
lecturer_accept lecturer: scheduling -> awaiting_confirmation
lecturer_decline lecturer: scheduling -> scheduling
offer_expired system: scheduling -> scheduling
requester_confirm requester: awaiting_confirmation -> scheduled
requester_change requester: awaiting_confirmation -> scheduling
withdraw requester: submitted needs_info accepted scheduling awaiting_confirmation -> withdrawn
cancel staff: scheduled -> cancelled
cancel requester: scheduled -> cancelled
mark_held staff: scheduled -> held
mark_held system: scheduled -> held
rate requester: held -> closed
close staff: held -> closed
`

const expected = new Map<string, OrderState>()
for (const line of ALLOWED.trim().split('\n')) {
  const [head, tail] = line.split(':') as [string, string]
  const [action, actor] = head.split(' ')
  const [fromPart, to] = tail.split('->').map((s) => s.trim()) as [string, OrderState]
  for (const from of fromPart.split(/\s+/)) expected.set(`${from} ${action} ${actor}`, to)
}

const triples: [OrderState, OrderAction, OrderActorKind][] = ORDER_STATES.flatMap((state) =>
  ORDER_ACTIONS.flatMap((action) => ORDER_ACTOR_KINDS.map((actor) => [state, action, actor] as const)),
) as [OrderState, OrderAction, OrderActorKind][]

describe('the course order state machine', () => {
  it('has a Chinese label for every state', () => {
    expect(Object.keys(ORDER_STATE_LABELS).sort()).toEqual([...ORDER_STATES].sort())
    expect(ORDER_STATE_LABELS.closed).toBe('已评价/结项')
    expect(ORDER_STATE_LABELS.submitted).toBe('待审核')
  })

  it.each(triples.filter(([s, a, k]) => expected.has(`${s} ${a} ${k}`)))(
    'allows %s --%s by %s',
    (state, action, actor) => {
      expect(nextState(state, action, actor)).toBe(expected.get(`${state} ${action} ${actor}`))
    },
  )

  it.each(triples.filter(([s, a, k]) => !expected.has(`${s} ${a} ${k}`)))(
    'refuses %s --%s by %s',
    (state, action, actor) => {
      expect(nextState(state, action, actor)).toBeNull()
    },
  )

  it('checks every listed transition (none of the list is a typo)', () => {
    const valid = new Set(triples.map(([s, a, k]) => `${s} ${a} ${k}`))
    for (const key of expected.keys()) expect(valid, key).toContain(key)
    expect(expected.size).toBe(26)
  })

  it('never leaves a final state', () => {
    for (const state of ['closed', 'refused', 'withdrawn', 'cancelled'] as const) {
      for (const actor of ORDER_ACTOR_KINDS) expect(allowedActions(state, actor)).toEqual([])
    }
  })

  it('requires a reason for questions, answers, refusals, declines, change requests and cancellations', () => {
    const needReason = ORDER_ACTIONS.filter((a) => ORDER_RULES[a].reasonRequired).sort()
    expect(needReason).toEqual(
      ['cancel', 'lecturer_decline', 'refuse', 'request_info', 'requester_change', 'supply_info'].sort(),
    )
  })

  it('lets the requester withdraw only before the date is fixed', () => {
    expect(ORDER_STATES.filter(canRequesterWithdraw)).toEqual([
      'submitted',
      'needs_info',
      'accepted',
      'scheduling',
      'awaiting_confirmation',
    ])
  })
})
