import type { Endpoint } from 'payload'
import type { OrderAction } from '../../../../common/orders/states.ts'
import { jsonService, readJson, requestCtx, respond } from '../../../booking/http.ts'
import { orderOptions, requesterAction, requesterRate, submitOrder, track } from '../../../orders/service.ts'

const requesterStep = (path: string, action: OrderAction): Endpoint => ({
  path,
  method: 'post',
  handler: respond(async (req) => ({ body: await requesterAction(action, await readJson(req), requestCtx(req)) })),
})

/**
 * The requester's API (点单): anonymous, rate-limited, answers in Chinese. An order is reached by its code and the
 * contact's phone together; a wrong code and a wrong phone get the same 404.
 */
export const publicOrderEndpoints: Endpoint[] = [
  {
    path: '/options',
    method: 'get',
    handler: respond(async (req) => ({ body: await orderOptions(req.payload) })),
  },
  {
    path: '/submit',
    method: 'post',
    handler: respond(async (req) => submitOrder(await readJson(req), requestCtx(req))),
  },
  {
    path: '/track',
    method: 'post',
    handler: jsonService(track),
  },
  requesterStep('/withdraw', 'withdraw'),
  requesterStep('/supply-info', 'supply_info'),
  requesterStep('/confirm', 'requester_confirm'),
  requesterStep('/ask-change', 'requester_change'),
  requesterStep('/cancel', 'cancel'),
  {
    path: '/rate',
    method: 'post',
    handler: jsonService(requesterRate),
  },
]
