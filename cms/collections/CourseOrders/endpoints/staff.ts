import type { Endpoint } from 'payload'
import { isOrderAction } from '../../../../common/orders/states.ts'
import { userHasRole } from '../../../access/roles.ts'
import { mayHandleStreet } from '../../../access/streetScope.ts'
import { readJson, respond } from '../../../booking/http.ts'
import { parseBody } from '../../../booking/schemas.ts'
import { OrderError, orderNotFound } from '../../../orders/errors.ts'
import { idOf, staffActionInput } from '../../../orders/schemas.ts'
import { applyTransition, loadOrder } from '../../../orders/transitions.ts'

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
      const user = req.user as { id: number; name?: string; email?: string; streets?: string[] | null }
      const id = idOf('点单编号无效').safeParse(String(req.routeParams?.id ?? ''))
      if (!id.success) throw orderNotFound()
      const current = await loadOrder(req.payload, id.data)
      // A street federation's coordinator acts only on their streets' orders (and learns nothing of others).
      if (!mayHandleStreet(user, current.street)) throw orderNotFound()
      const order = await applyTransition(req.payload, {
        orderId: current.id,
        action: input.action,
        actor: { kind: 'staff', userId: user.id, name: user.name ?? user.email },
        reason: input.reason,
      })
      return { body: { id: order.id, code: order.code, state: order.state } }
    }),
  },
]
