import type { Endpoint, PayloadRequest } from 'payload'
import { userHasRole } from '../../../access/roles.ts'
import { BookingError } from '../../../booking/errors.ts'
import { respond } from '../../../booking/http.ts'
import { lotteryFile, lotteryInfo, lotteryResults } from '../../../lottery/publicViews.ts'
import { advanceWave, lotteryWave } from '../../../lottery/steps.ts'

const waveParam = (req: PayloadRequest) => {
  const raw = String(req.routeParams?.wave ?? '')
  if (!/^[0-9a-f]{1,24}$/i.test(raw)) throw new BookingError('session_not_found', '未找到该摇号批次')
  return /^\d+$/.test(raw) ? Number(raw) : raw
}

/** The lottery's public pages' API (anyone may read what is published) and the staff's 现在执行 button. */
export const publicLotteryDrawEndpoints: Endpoint[] = [
  {
    path: '/:wave/info',
    method: 'get',
    handler: respond(async (req) => ({ body: await lotteryInfo(req.payload, waveParam(req)) })),
  },
  {
    path: '/:wave/results',
    method: 'get',
    handler: respond(async (req) => ({ body: await lotteryResults(req.payload, waveParam(req)) })),
  },
  {
    path: '/:wave/files/:name',
    method: 'get',
    handler: async (req) => {
      try {
        return await lotteryFile(req.payload, waveParam(req), String(req.routeParams?.name ?? ''))
      } catch (error) {
        if (error instanceof BookingError) return Response.json(error.toJSON(), { status: error.status })
        throw error
      }
    },
  },
  {
    // Staff: run every step that is due now (commit, freeze, draw, expiries, a round, leftovers); the job does the same every minute.
    path: '/:wave/advance',
    method: 'post',
    handler: respond(async (req) => {
      if (!userHasRole(req.user, 'coordinator')) throw new BookingError('forbidden', '只有工作人员可以执行')
      const wave = await lotteryWave(req.payload, waveParam(req))
      await advanceWave(req.payload, wave, new Date())
      return { body: await lotteryInfo(req.payload, wave.id) }
    }),
  },
]
