import type { Endpoint } from 'payload'
import { userHasRole } from '../../../access/roles.ts'
import { jsonService, respond } from '../../../booking/http.ts'
import { OrderError } from '../../../orders/errors.ts'
import { demandCounts, signalDemand } from '../../../orders/service.ts'

/** '我的社区也想听' (public, one per phone per course) and the staff's counts per course × community. */
export const demandSignalEndpoints: Endpoint[] = [
  {
    path: '/signal',
    method: 'post',
    handler: jsonService(signalDemand),
  },
  {
    path: '/counts',
    method: 'get',
    handler: respond(async (req) => {
      if (!userHasRole(req.user, 'coordinator')) throw new OrderError('forbidden', '请先以工作人员身份登录')
      return { body: { rows: await demandCounts(req.payload, req.user as never) } }
    }),
  },
]
