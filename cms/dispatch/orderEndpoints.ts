import type { Endpoint, PayloadRequest } from 'payload'
import { userHasRole } from '../access/roles.ts'
import { mayHandleStreet } from '../access/streetScope.ts'
import { clientIp, readJson, respond } from '../booking/http.ts'
import { bookingStore } from '../booking/index.ts'
import { parseBody } from '../booking/schemas.ts'
import { limitKey } from '../booking/service.ts'
import { OrderError } from '../orders/errors.ts'
import { applyTransition, loadOrder } from '../orders/transitions.ts'
import type { CourseOrder } from '../payload-types.ts'
import { forbiddenStreet, staffOnly } from './errors.ts'
import { answerOffer, candidatesFor, checkProposedTime, offerView, sendOffer } from './offers.ts'
import { answerInput, intervalInput, offerInput, offerTokenInput, staffDispatchInput } from './schemas.ts'
import { dispatchView } from './view.ts'

/** The signed-in coordinator and the order, if the order's street is theirs to handle. */
async function staffOrder(
  req: PayloadRequest,
): Promise<{ order: CourseOrder; actor: { kind: 'staff'; userId: number; name?: string } }> {
  if (!userHasRole(req.user, 'coordinator')) throw staffOnly()
  const order = await loadOrder(req.payload, String(req.routeParams?.id ?? '') as unknown as number)
  if (!mayHandleStreet(req.user, order.street)) throw forbiddenStreet()
  const user = req.user as { id: number; name?: string; email?: string }
  return { order, actor: { kind: 'staff', userId: user.id, name: user.name ?? user.email } }
}

const LECTURER_PER_IP = 30
async function limitLecturer(req: PayloadRequest) {
  const ok = await bookingStore(req.payload).rateLimits.hit(
    { keys: [{ key: limitKey(req.payload, 'offer:ip', clientIp(req)), limit: LECTURER_PER_IP }], windowSeconds: 600 },
    new Date(),
  )
  if (!ok) throw new OrderError('rate_limited', '操作太频繁，请稍后再试')
}

/** Dispatch endpoints mounted on the orders collection (/api/course-orders/...). */
export const dispatchEndpoints: Endpoint[] = [
  // Staff: the dispatch tab's data (offer, session, invite link, timeline, candidates' days).
  {
    path: '/:id/dispatch',
    method: 'get',
    handler: respond(async (req) => {
      const { order } = await staffOrder(req)
      return { body: await dispatchView(req.payload, order) }
    }),
  },
  // Staff: lecturers who teach the course and are free at ?startsAt&endsAt, with their load this month.
  {
    path: '/:id/candidates',
    method: 'get',
    handler: respond(async (req) => {
      const { order } = await staffOrder(req)
      const query = req.searchParams ?? new URL(req.url ?? '', 'http://x').searchParams
      const at = parseBody(intervalInput, { startsAt: query.get('startsAt'), endsAt: query.get('endsAt') })
      checkProposedTime(order, at, new Date())
      return { body: await candidatesFor(req.payload, order, at) }
    }),
  },
  // Staff: offer the order to a lecturer at a time; the lecturer gets the message with the signed link.
  {
    path: '/:id/offer',
    method: 'post',
    handler: respond(async (req) => {
      const { order, actor } = await staffOrder(req)
      const input = parseBody(offerInput, await readJson(req))
      const { order: updated } = await sendOffer(req.payload, {
        orderId: order.id,
        lecturerId: input.lecturer,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        visibility: input.visibility,
        actor,
      })
      return { status: 201, body: { id: updated.id, state: updated.state } }
    }),
  },
  // Staff: review and close steps from the dispatch tab, limited to the coordinator's streets.
  {
    path: '/:id/dispatch-act',
    method: 'post',
    handler: respond(async (req) => {
      const { order, actor } = await staffOrder(req)
      const input = parseBody(staffDispatchInput, await readJson(req))
      const updated = await applyTransition(req.payload, {
        orderId: order.id,
        action: input.action,
        actor,
        reason: input.reason,
      })
      return { body: { id: updated.id, state: updated.state } }
    }),
  },
  // Lecturer (no account): what the offer link names.
  {
    path: '/offer',
    method: 'get',
    handler: respond(async (req) => {
      await limitLecturer(req)
      const query = req.searchParams ?? new URL(req.url ?? '', 'http://x').searchParams
      const { token } = parseBody(offerTokenInput, { token: query.get('t') ?? '' })
      return { body: await offerView(req.payload, token) }
    }),
  },
  // Lecturer (no account): accept, or decline with a reason, through the offer link.
  {
    path: '/offer/answer',
    method: 'post',
    handler: respond(async (req) => {
      await limitLecturer(req)
      const input = parseBody(answerInput, await readJson(req))
      return { body: await answerOffer(req.payload, input.token, input.answer, input.reason) }
    }),
  },
]
