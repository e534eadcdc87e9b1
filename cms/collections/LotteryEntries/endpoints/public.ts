import type { Endpoint } from 'payload'
import { readJson, respond } from '../../../booking/http.ts'
import { householdCtx } from '../../../households/token.ts'
import { change, confirm, decline, enter, mine, withdraw } from '../../../lottery/service.ts'

type Action = (
  body: unknown,
  ctx: Awaited<ReturnType<typeof householdCtx>>,
) => Promise<{ status?: number; body: unknown }>

const post = (path: string, action: Action): Endpoint => ({
  path,
  method: 'post',
  handler: respond(async (req) => action(await readJson(req), await householdCtx(req))),
})

/** The household-facing lottery API: Bearer household token, rate-limited, Chinese answers, only its own entries. */
export const publicLotteryEntryEndpoints: Endpoint[] = [
  post('/enter', enter),
  post('/change', change),
  post('/withdraw', withdraw),
  post('/confirm', confirm),
  post('/decline', decline),
  {
    path: '/mine',
    method: 'get',
    handler: respond(async (req) => ({
      body: await mine(req.query as Record<string, unknown>, await householdCtx(req)),
    })),
  },
]
