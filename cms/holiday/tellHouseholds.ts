import type { Payload } from 'payload'
import { myBookingUrl } from '../../common/urls.ts'
import { placeText } from '../../common/venue.ts'
import type { DocId } from '../booking/schemas.ts'
import { env } from '../env.ts'
import { configuredSms } from '../notifications/sms/index.ts'
import type { SmsSender } from '../notifications/sms.ts'
import { messageTemplate, renderMessage } from '../notifications/templates.ts'
import type { HolidaySession } from '../payload-types.ts'
import { holidayStore } from './index.ts'

const BATCH = 50

/**
 * Tells each household of a change the platform made to its child's registration, with the lectures' templates
 * (session, first day, place, code, 我的报名): "promoted" when a waitlisted child moved into a seat (a
 * cancellation or a raised capacity promoted it in the database), "cancelled" when staff cancelled the session.
 * Claimed before sending so that one process tells each; a message that could not be sent is handed back at the
 * end and retried on the next run. Returns the households told.
 */
export async function tellHouseholdsOfChanges(
  payload: Payload,
  sms: SmsSender = configuredSms(payload),
  now = new Date(),
): Promise<number> {
  const store = holidayStore(payload)
  const unsent: DocId[] = []
  // A cancelled session tells all its households in one run: each session is read once.
  const sessions = new Map<string, Promise<HolidaySession>>()
  const sessionOf = (id: DocId) => {
    const key = String(id)
    if (!sessions.has(key))
      sessions.set(key, payload.findByID({ collection: 'holiday-sessions', id, depth: 0, overrideAccess: true }))
    return sessions.get(key) as Promise<HolidaySession>
  }
  let told = 0
  for (;;) {
    const claimed = await store.claimChangesToTell(BATCH, now)
    if (!claimed.length) break
    for (const change of claimed) {
      try {
        const [session, household] = await Promise.all([
          sessionOf(change.sessionId),
          payload.findByID({
            collection: 'households',
            id: change.householdId,
            depth: 0,
            overrideAccess: true,
            disableErrors: true,
          }),
        ])
        if (!household?.phone || !session.startsAt) continue
        const facts = {
          kind: change.kind,
          code: change.code,
          courseTitle: session.title,
          startsAt: session.startsAt,
          venue: placeText(session.venue),
          myBookingUrl: `${env().siteUrl}${myBookingUrl}`,
        }
        await sms.send(household.phone, renderMessage(facts), messageTemplate(facts))
        told++
      } catch (error) {
        payload.logger.error({ err: error, msg: 'holiday registration message not sent; retried on the next run' })
        unsent.push(change.id)
      }
    }
  }
  // Handed back only now: claimed again within this run, a provider that is down would be asked forever.
  for (const id of unsent) await store.releaseChange(id)
  return told
}
