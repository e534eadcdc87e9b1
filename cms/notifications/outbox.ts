import type { Payload } from 'payload'
import { venueText } from '../../common/venue.ts'
import { bookingStore } from '../booking/index.ts'
import type { NotificationResult } from '../booking/stores/outbox.ts'
import { env } from '../env.ts'
import type { Booking, Course, CourseSession, Notification } from '../payload-types.ts'
import { LOGGING_EMAIL_ADAPTER } from './email.ts'
import { configuredSms } from './sms/index.ts'
import type { SmsSender } from './sms.ts'
import { type MessageFacts, messageTemplate, renderMessage } from './templates.ts'

const BATCH = 50

async function deliver(payload: Payload, sms: SmsSender, notification: Notification): Promise<NotificationResult> {
  const booking = notification.booking as Booking | null
  const session = booking?.session as CourseSession | undefined
  const course = session?.course as Course | undefined
  // Nothing to say to a booking whose personal data is gone.
  if (!booking || !session || !course || booking.anonymisedAt)
    return { id: notification.id, status: 'sent', channel: 'none' }
  const facts: MessageFacts = {
    kind: notification.kind,
    code: booking.code,
    courseTitle: course.title,
    startsAt: session.startsAt,
    venue: venueText(session.venue, course.format === 'online'),
    waitlistPosition:
      notification.kind === 'waitlisted' ? await bookingStore(payload).seats.waitlistPosition(booking.id) : undefined,
    myBookingUrl: `${env().siteUrl}/my-booking/`,
  }
  const message = renderMessage(facts)
  await sms.send(booking.phone, message, messageTemplate(facts))
  const channels = [sms.channel]
  let delivered = !sms.logsOnly
  if (booking.email) {
    await payload.sendEmail({ to: booking.email, subject: `福家大讲堂：${course.title}`, text: message })
    channels.push('email')
    delivered ||= payload.email?.name !== LOGGING_EMAIL_ADAPTER
  }
  // Staff read the status as "the parent got it": a message that only reached the log must not say 已发送.
  return { id: notification.id, status: delivered ? 'sent' : 'logged', channel: channels.join('+'), message }
}

/**
 * Sends what the outbox holds. Rows are claimed atomically, so several processes can run this at once; a
 * failure is recorded on the row and retried later (up to five attempts).
 */
export async function processOutbox(payload: Payload, sms: SmsSender = configuredSms(payload)): Promise<number> {
  const { outbox } = bookingStore(payload)
  let sent = 0
  for (;;) {
    const ids = await outbox.claim(BATCH, new Date())
    if (!ids.length) return sent
    const { docs } = await payload.find({
      collection: 'notifications',
      where: { id: { in: ids } },
      depth: 3,
      limit: ids.length,
      overrideAccess: true,
    })
    const results = await Promise.all(
      docs.map((n) =>
        deliver(payload, sms, n).catch(
          (error): NotificationResult => ({
            id: n.id,
            status: 'failed',
            error: String(error?.message ?? error).slice(0, 500),
          }),
        ),
      ),
    )
    await outbox.complete(results, new Date())
    sent += results.filter((r) => r.status === 'sent').length
  }
}
