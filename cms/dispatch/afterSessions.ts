import type { Payload } from 'payload'
import { rateUrl } from '../../common/urls.ts'
import { env } from '../env.ts'
import { applyTransition } from '../orders/transitions.ts'
import type { Course } from '../payload-types.ts'
import { commitmentStore } from './commitments/index.ts'
import { sendMessage } from './notify.ts'
import { idOf, offerOf } from './offers.ts'
import { renderRateInvite } from './templates.ts'

/** The public page where a parent rates a session by booking code and phone. */
export const rateLink = (code: string) => `${env().siteUrl}${rateUrl}?code=${encodeURIComponent(code)}`

/**
 * After a session ends: its order (if any) is marked held, and every parent checked in is invited to rate it (the
 * post-session message). Each session is handled once (rateInvitesSentAt).
 */
export async function afterSessionsEnded(payload: Payload, now = new Date()): Promise<number> {
  const { docs: sessions } = await payload.find({
    collection: 'course-sessions',
    where: {
      and: [
        { status: { not_equals: 'cancelled' } },
        { endsAt: { less_than: now.toISOString() } },
        // Sessions that ended more than a week ago before this feature existed are left alone.
        { endsAt: { greater_than: new Date(now.getTime() - 7 * 24 * 3600 * 1000).toISOString() } },
        { rateInvitesSentAt: { exists: false } },
      ],
    },
    depth: 1,
    limit: 20,
    overrideAccess: true,
  })
  for (const session of sessions) {
    await payload.update({
      collection: 'course-sessions',
      id: session.id,
      data: { rateInvitesSentAt: now.toISOString() } as never,
      depth: 0,
      overrideAccess: true,
    })
    const orderId = idOf((session as { order?: unknown }).order)
    if (orderId) {
      await applyTransition(payload, { orderId, action: 'mark_held', actor: { kind: 'system' }, now }).catch(() => null)
    }
    const course = session.course as Course
    const { docs: attended } = await payload.find({
      collection: 'bookings',
      where: { and: [{ session: { equals: session.id } }, { status: { equals: 'attended' } }] },
      depth: 0,
      limit: 5000,
      pagination: false,
      overrideAccess: true,
    })
    for (const booking of attended) {
      if (booking.anonymisedAt || !booking.phone) continue
      const link = rateLink(booking.code)
      await sendMessage(
        payload,
        { phone: booking.phone, email: booking.email },
        renderRateInvite({ courseTitle: course.title, code: booking.code, link }),
        { name: 'rate', params: { course: course.title, code: booking.code, url: link } },
        `福家大讲堂：欢迎评价“${course.title}”`,
      )
    }
  }
  return sessions.length
}

/**
 * Frees lecturer time held for orders that no longer need it: an accepted offer the requester asked to change, an
 * order withdrawn, refused or cancelled. (Declines and expiries free their time at once.)
 */
export async function releaseStaleCommitments(payload: Payload, now = new Date()): Promise<number> {
  const { docs } = await payload.find({
    collection: 'lecturer-commitments',
    where: { status: { equals: 'active' } },
    depth: 1,
    limit: 1000,
    pagination: false,
    overrideAccess: true,
  })
  let released = 0
  for (const c of docs) {
    const order = c.order && typeof c.order === 'object' ? c.order : null
    if (!order) continue
    const current = String(idOf(offerOf(order).commitment)) === String(c.id)
    const live =
      current &&
      ((order.state === 'scheduling' && offerOf(order).status === 'pending') ||
        ['awaiting_confirmation', 'scheduled', 'held', 'closed'].includes(order.state))
    if (!live) {
      await commitmentStore(payload).release(c.id, `order ${order.state}`, now)
      released++
    }
  }
  return released
}
