import type { Payload } from 'payload'
import { bookingStore } from '../booking/index.ts'
import { env } from '../env.ts'
import { venueText } from '../lib/venue.ts'
import type { Booking, Course, CourseSession, Notification } from '../payload-types.ts'
import { logSms, type SmsSender } from './sms.ts'
import { renderMessage } from './templates.ts'

const BATCH = 20

async function deliver(payload: Payload, sms: SmsSender, notification: Notification) {
  const booking = notification.booking as Booking | null
  const session = booking?.session as CourseSession | undefined
  const course = session?.course as Course | undefined
  if (!booking || !session || !course || booking.anonymisedAt) return { channel: 'none', message: null }
  const message = renderMessage({
    kind: notification.kind,
    parentName: booking.parentName,
    code: booking.code,
    courseTitle: course.title,
    startsAt: session.startsAt,
    venue: venueText(session.venue, course.format === 'online'),
    waitlistPosition:
      notification.kind === 'waitlisted' ? await bookingStore(payload).waitlistPosition(booking.id) : undefined,
    cancelReason: booking.cancelReason ?? session.cancelReason,
    myBookingUrl: `${env().siteUrl}/my-booking/`,
  })
  await sms.send(booking.phone, message)
  const channels = [sms.channel]
  if (booking.email) {
    await payload.sendEmail({ to: booking.email, subject: `福家大讲堂：${course.title}`, text: message })
    channels.push('email')
  }
  return { channel: channels.join('+'), message }
}

/**
 * Sends what the outbox holds. Rows are claimed atomically, so several processes can run this at once; a
 * failure is recorded on the row and retried later (up to five attempts).
 */
export async function processOutbox(payload: Payload, sms: SmsSender = logSms(payload)): Promise<number> {
  let sent = 0
  for (;;) {
    const ids = await bookingStore(payload).claimNotifications(BATCH, new Date())
    if (!ids.length) return sent
    for (const id of ids) {
      const notification = await payload.findByID({
        collection: 'notifications',
        id: id as number,
        depth: 3,
        overrideAccess: true,
      })
      try {
        const { channel, message } = await deliver(payload, sms, notification)
        await payload.update({
          collection: 'notifications',
          id: notification.id,
          data: { status: 'sent', channel, message, sentAt: new Date().toISOString(), error: null },
          overrideAccess: true,
        })
        sent++
      } catch (error) {
        await payload.update({
          collection: 'notifications',
          id: notification.id,
          data: { status: 'failed', error: String((error as Error).message ?? error).slice(0, 500) },
          overrideAccess: true,
        })
      }
    }
  }
}
