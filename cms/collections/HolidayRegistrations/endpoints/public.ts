import type { Endpoint } from 'payload'
import { readJson, respond } from '../../../booking/http.ts'
import { cancel, householdCtxFromToken, mine, register } from '../../../holiday/service.ts'
import { householdCtx } from '../../../households/token.ts'
import { kickNotifier } from '../../../notifications/kick.ts'

/** The household-facing holiday API: Bearer household token, rate-limited, answers in Chinese, no other household's data. */
export const publicRegistrationEndpoints: Endpoint[] = [
  {
    path: '/register',
    method: 'post',
    handler: respond(async (req) => {
      const ctx = householdCtxFromToken(req)
      return register(await readJson(req), ctx)
    }),
  },
  {
    path: '/mine',
    method: 'get',
    handler: respond(async (req) => ({ body: await mine(await householdCtx(req)) })),
  },
  {
    path: '/cancel',
    method: 'post',
    handler: respond(async (req) => {
      const ctx = await householdCtx(req)
      const answer = await cancel(await readJson(req), ctx)
      // A freed seat went to the next child on the waitlist: its household hears now, not at the next minute.
      kickNotifier(req.payload)
      return { body: answer }
    }),
  },
]
