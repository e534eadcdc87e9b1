import crypto from 'node:crypto'
import type { Payload } from 'payload'
import { courseInviteUrl } from '../../common/urls.ts'
import type { DocId } from '../booking/schemas.ts'
import { env } from '../env.ts'
import type { Community, CourseOrder, CourseSession } from '../payload-types.ts'
import { commitmentStore } from './commitments/index.ts'
import { asDispatch, idOf, offerOf } from './offers.ts'

export const newInviteToken = () => crypto.randomBytes(16).toString('base64url')

/** The link a requester shares in their parents' group: the invite page, opened on this session with its token. */
export function inviteLink(session: Pick<CourseSession, 'id'>, token: string) {
  return `${env().siteUrl}${courseInviteUrl}?session=${encodeURIComponent(String(session.id))}&invite=${encodeURIComponent(token)}`
}

/**
 * Requester and lecturer have both confirmed: the order becomes a course session (venue from the order, capacity
 * from the headcount, the default booking window, the interaction mode, public or by invitation), linked both ways,
 * and the lecturer's held time becomes the session's. Idempotent: an order that has its session keeps it.
 */
export async function createSessionForOrder(payload: Payload, orderRef: CourseOrder | DocId, now = new Date()) {
  const order = await payload.findByID({
    collection: 'course-orders',
    id: (typeof orderRef === 'object' ? orderRef.id : orderRef) as number,
    depth: 1,
    overrideAccess: true,
    joins: false,
  })
  const existing = idOf(asDispatch(order).session)
  if (existing) {
    return payload.findByID({ collection: 'course-sessions', id: existing as number, depth: 0, overrideAccess: true })
  }
  if (!['scheduled', 'held', 'closed'].includes(order.state)) return undefined
  const offer = offerOf(order)
  if (offer.status !== 'accepted' || !offer.startsAt || !offer.endsAt) return undefined
  const visibility = asDispatch(order).visibility ?? 'invitation'
  const community = order.community as Community | undefined
  const create = payload.create({
    collection: 'course-sessions',
    overrideAccess: true,
    depth: 0,
    data: {
      course: idOf(order.course) as number,
      startsAt: offer.startsAt,
      endsAt: offer.endsAt,
      venue:
        order.format === 'online'
          ? { street: order.street as never }
          : { street: order.street as never, community: community?.name, address: order.venueAddress ?? undefined },
      capacity: Math.max(1, order.headcount),
      waitlistSize: 0,
      bookingOpensAt: now.toISOString(),
      status: 'scheduled',
      visibility,
      inviteToken: visibility === 'invitation' ? newInviteToken() : undefined,
      lecturer: idOf(offer.lecturer) as number,
      order: order.id,
      interactionMode: idOf(order.interactionMode) as number,
    } as never,
  })
  // The database allows one session per order (a unique index): a second, simultaneous creation finds the first.
  const session = await create.catch(async (error) => {
    const { docs } = await payload.find({
      collection: 'course-sessions',
      where: { order: { equals: order.id } },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
    if (!docs[0]) throw error
    return docs[0]
  })
  await payload.update({
    collection: 'course-orders',
    id: order.id,
    data: { session: session.id } as never,
    depth: 0,
    overrideAccess: true,
    context: { orderTransition: 'session' },
  })
  const commitment = idOf(offer.commitment)
  if (commitment) await commitmentStore(payload).toSession(commitment, session.id, now)
  return session as CourseSession
}

/** Scheduled orders still without a session (a confirmation whose session creation was interrupted). */
export async function createMissingSessions(payload: Payload, now = new Date()): Promise<number> {
  const { docs } = await payload.find({
    collection: 'course-orders',
    where: {
      and: [
        { state: { equals: 'scheduled' } },
        { session: { exists: false } },
        { 'offer.status': { equals: 'accepted' } },
      ],
    },
    depth: 0,
    limit: 50,
    overrideAccess: true,
  })
  for (const order of docs) await createSessionForOrder(payload, order, now)
  return docs.length
}
