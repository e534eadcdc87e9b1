import type { Endpoint, PayloadRequest } from 'payload'
import { BookingError } from '../../../booking/errors.ts'
import { readJson, respond } from '../../../booking/http.ts'
import { parseBody } from '../../../booking/schemas.ts'
import { parseId, requireCoordinator } from '../../../booking/staff.ts'
import { holidayStore } from '../../../holiday/index.ts'
import { checkInInput, dayInput, markInput } from '../../../holiday/schemas.ts'
import {
  holidayRoster,
  holidayRosterCsv,
  holidayRosterXlsx,
  markDay,
  requireSessionDate,
  sessionForStaff,
} from '../../../holiday/staff.ts'
import { attachment, rosterFileName } from '../../../lib/downloadName.ts'

const query = (req: PayloadRequest) => new URL(req.url ?? '', 'http://x').searchParams

/** The session (street scope applies) and the day asked for, which must be one of its days. */
async function sessionDay(req: PayloadRequest, day: unknown) {
  requireCoordinator(req)
  const session = await sessionForStaff(req, parseId(req.routeParams?.id, '场次'))
  const date = parseBody(dayInput, day)
  requireSessionDate(session, date)
  return { session, day: date }
}

/** `?contacts=full`: emergency contact numbers in full, for the coordinator who may have to call. */
const revealContacts = (req: PayloadRequest) => query(req).get('contacts') === 'full'

const rosterExport = (format: 'csv' | 'xlsx'): Endpoint => ({
  path: `/:id/day-roster.${format}`,
  method: 'get',
  handler: async (req) => {
    let found: Awaited<ReturnType<typeof sessionDay>>
    try {
      found = await sessionDay(req, query(req).get('day'))
    } catch (error) {
      return respond(async () => {
        throw error
      })(req)
    }
    const { session, day } = found
    const rows = await holidayRoster(req.payload, session.id, day, revealContacts(req))
    const name = rosterFileName(`${session.code}-${session.title}`, `${day}T12:00:00+08:00`, format)
    const headers = {
      'Content-Disposition': attachment(name, `holiday-roster-${session.id}-${day}.${format}`),
      'Cache-Control': 'private, no-store',
    }
    if (format === 'csv') {
      return new Response(holidayRosterCsv(rows), {
        headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' },
      })
    }
    const xlsx = await holidayRosterXlsx(rows, `${session.code} ${session.title} · ${day}`)
    return new Response(new Uint8Array(xlsx), {
      headers: { ...headers, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    })
  },
})

/** Coordinator tools for each day of a holiday session: roster, check-in by code, ticks, absences, exports. */
export const staffHolidayEndpoints: Endpoint[] = [
  {
    path: '/:id/day-roster',
    method: 'get',
    handler: respond(async (req) => {
      const { session, day } = await sessionDay(req, query(req).get('day'))
      const [rows, visits] = await Promise.all([
        holidayRoster(req.payload, session.id, day, revealContacts(req)),
        holidayStore(req.payload).visits(session.id),
      ])
      return {
        body: { day, days: session.days?.map((d) => d.date) ?? [], rows, visits },
      }
    }),
  },
  rosterExport('csv'),
  rosterExport('xlsx'),
  {
    path: '/:id/check-in',
    method: 'post',
    handler: respond(async (req) => {
      const input = parseBody(checkInInput, await readJson(req))
      const { session, day } = await sessionDay(req, input.day)
      const done = await holidayStore(req.payload).mark({
        session: session.id,
        code: input.code,
        day,
        status: 'present',
        now: new Date(),
        by: req.user?.id ?? null,
      })
      if (!done) throw new BookingError('booking_not_found', '本场次没有这个报名码的有效报名', 'code')
      const rows = await holidayRoster(req.payload, session.id, day, false)
      const row = rows.find((r) => String(r.registration) === String(done.registrationId))
      return { body: { checkedIn: row ?? null } }
    }),
  },
  {
    path: '/:id/attendance',
    method: 'post',
    handler: respond(async (req) => {
      const input = parseBody(markInput, await readJson(req))
      const { session, day } = await sessionDay(req, input.day)
      const result = await markDay(req.payload, {
        session: session.id,
        registration: input.registration,
        day,
        status: input.status,
        by: req.user?.id ?? null,
      })
      return { body: result }
    }),
  },
]
