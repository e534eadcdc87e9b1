import type { Endpoint } from 'payload'
import { formatDateTime } from '../../../../common/dates.ts'
import { sessionInScope } from '../../../access/streetScope.ts'
import { BookingError } from '../../../booking/errors.ts'
import { readJson, respond } from '../../../booking/http.ts'
import { bookingStore } from '../../../booking/index.ts'
import { parseBody } from '../../../booking/schemas.ts'
import { parseId, reasonInput, requireCoordinator, roster, rosterCsv, rosterXlsx } from '../../../booking/staff.ts'
import { attachment, rosterFileName } from '../../../lib/downloadName.ts'
import { kickNotifier } from '../../../notifications/kick.ts'
import { requestSiteBuild } from '../../../publishing/markStale.ts'

/** A coordinator limited to some streets handles only their sessions. */
async function requireSessionStreet(req: Parameters<typeof sessionInScope>[0], id: unknown) {
  if (!(await sessionInScope(req, id))) throw new BookingError('forbidden', '该场次不属于您负责的街道')
}

/** `?phones=full` shows whole numbers; lists and exports are masked otherwise. */
const revealPhones = (url: string | undefined) => new URL(url ?? '', 'http://x').searchParams.get('phones') === 'full'

const rosterExport = (format: 'csv' | 'xlsx'): Endpoint => ({
  path: `/:id/roster.${format}`,
  method: 'get',
  handler: async (req) => {
    try {
      requireCoordinator(req)
    } catch {
      return Response.json({ error: { code: 'forbidden', message: '您无权执行此操作' } }, { status: 403 })
    }
    const id = parseId(req.routeParams?.id, '场次')
    if (!(await sessionInScope(req, id))) {
      return Response.json({ error: { code: 'forbidden', message: '该场次不属于您负责的街道' } }, { status: 403 })
    }
    const session = await req.payload.findByID({ collection: 'course-sessions', id: id as number, depth: 1 })
    const rows = await roster(req.payload, id, revealPhones(req.url))
    const course = typeof session.course === 'object' ? session.course.title : ''
    const name = rosterFileName(course, session.startsAt, format)
    const headers = {
      'Content-Disposition': attachment(name, `roster-${id}.${format}`),
      'Cache-Control': 'private, no-store',
    }
    if (format === 'csv') {
      return new Response(rosterCsv(rows), { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' } })
    }
    const title = `${session.title ?? ''}（导出于 ${formatDateTime(new Date())}）`
    return new Response(new Uint8Array(await rosterXlsx(rows, title)), {
      headers: { ...headers, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    })
  },
})

/** Coordinator tools for one session: roster (JSON, CSV, XLSX) and cancelling the whole session. */
export const staffSessionEndpoints: Endpoint[] = [
  {
    path: '/:id/roster',
    method: 'get',
    handler: respond(async (req) => {
      requireCoordinator(req)
      const id = parseId(req.routeParams?.id, '场次')
      await requireSessionStreet(req, id)
      return { body: { rows: await roster(req.payload, id, revealPhones(req.url)) } }
    }),
  },
  rosterExport('csv'),
  rosterExport('xlsx'),
  {
    path: '/:id/cancel',
    method: 'post',
    handler: respond(async (req) => {
      requireCoordinator(req)
      const id = parseId(req.routeParams?.id, '场次')
      await requireSessionStreet(req, id)
      const { reason } = parseBody(reasonInput, await readJson(req))
      const cancelled = await bookingStore(req.payload).seats.cancelSession(id, reason, new Date())
      kickNotifier(req.payload)
      // The store writes past Payload's hooks: ask for the rebuild that shows the session as cancelled.
      await requestSiteBuild(req.payload, 'session cancellation')
      return { body: { cancelledBookings: cancelled } }
    }),
  },
]
