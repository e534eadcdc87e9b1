import type { Endpoint } from 'payload'
import { venueText } from '../../../../common/venue.ts'
import { codeFromCalendarToken } from '../../../booking/calendarToken.ts'
import { BookingError } from '../../../booking/errors.ts'
import { jsonService, readJson, requestCtx, respond } from '../../../booking/http.ts'
import { calendarFile } from '../../../booking/ics.ts'
import { book, cancel, lookup } from '../../../booking/service.ts'
import { kickNotifier } from '../../../notifications/kick.ts'
import type { Course } from '../../../payload-types.ts'

/** The parent-facing booking API (DESIGN.md "Booking rules"); anonymous, rate-limited, answers in Chinese. */
export const publicBookingEndpoints: Endpoint[] = [
  {
    path: '/book',
    method: 'post',
    handler: respond(async (req) => {
      const result = await book(await readJson(req), requestCtx(req))
      kickNotifier(req.payload)
      return result
    }),
  },
  {
    path: '/lookup',
    method: 'post',
    handler: jsonService(lookup),
  },
  {
    path: '/cancel',
    method: 'post',
    handler: respond(async (req) => {
      const body = await cancel(await readJson(req), requestCtx(req))
      kickNotifier(req.payload)
      return { body }
    }),
  },
  {
    // A plain link (works in WeChat's browser) that carries a signed booking code, never the phone number.
    path: '/calendar/:token',
    method: 'get',
    handler: async (req) => {
      const token = String(req.routeParams?.token ?? '').replace(/\.ics$/, '')
      const code = codeFromCalendarToken(req.payload, token)
      const { docs } = code
        ? await req.payload.find({
            collection: 'bookings',
            where: { code: { equals: code } },
            depth: 2,
            limit: 1,
            overrideAccess: true,
          })
        : { docs: [] }
      const booking = docs[0]
      const session = booking && typeof booking.session === 'object' ? booking.session : undefined
      if (!booking || !session) {
        const error = new BookingError('booking_not_found', '日历链接无效或报名不存在')
        return Response.json(error.toJSON(), { status: 404 })
      }
      const course = session.course as Course
      const ics = calendarFile({
        uid: `${booking.code}@fujia`,
        title: `福家大讲堂：${course.title}`,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        location: venueText(session.venue, course.format === 'online'),
        description: `报名码：${booking.code}`,
        waitlisted: booking.status === 'waitlisted',
      })
      return new Response(ics, {
        headers: {
          'Content-Type': 'text/calendar; charset=utf-8',
          'Content-Disposition': `attachment; filename="fujia-${booking.code}.ics"`,
          'Cache-Control': 'private, no-store',
        },
      })
    },
  },
]
