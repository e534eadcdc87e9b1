import type { Endpoint } from 'payload'
import { isOrderAction } from '../../../../common/orders/states.ts'
import { userHasRole } from '../../../access/roles.ts'
import { readJson, respond } from '../../../booking/http.ts'
import { parseBody } from '../../../booking/schemas.ts'
import { OrderError } from '../../../orders/errors.ts'
import { staffActionInput } from '../../../orders/schemas.ts'
import { applyTransition } from '../../../orders/transitions.ts'

/**
 * POST /api/course-orders/:id/act {action, reason?}: a coordinator's step on an order (request_info, accept, refuse,
 * cancel, mark_held, close …), recorded with their name. Two staff acting at once: one wins, the other gets 409.
 */
export const staffOrderEndpoints: Endpoint[] = [
  {
    path: '/:id/act',
    method: 'post',
    handler: respond(async (req) => {
      if (!userHasRole(req.user, 'coordinator')) throw new OrderError('forbidden', '请先以工作人员身份登录')
      const input = parseBody(staffActionInput, await readJson(req))
      if (!isOrderAction(input.action)) throw new OrderError('invalid_input', '不支持的操作', 'action')
      const user = req.user as { id: number; name?: string; email?: string }
      const order = await applyTransition(req.payload, {
        orderId: String(req.routeParams?.id ?? '') as unknown as number,
        action: input.action,
        actor: { kind: 'staff', userId: user.id, name: user.name ?? user.email },
        reason: input.reason,
      })
      return { body: { id: order.id, code: order.code, state: order.state } }
    }),
  },
]
