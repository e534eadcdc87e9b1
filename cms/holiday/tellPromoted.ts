import type { Payload } from 'payload'
import { myBookingUrl } from '../../common/urls.ts'
import { placeText } from '../../common/venue.ts'
import type { DocId } from '../booking/schemas.ts'
import { env } from '../env.ts'
import { configuredSms } from '../notifications/sms/index.ts'
import type { SmsSender } from '../notifications/sms.ts'
import { messageTemplate, renderMessage } from '../notifications/templates.ts'
import { holidayStore } from './index.ts'

const BATCH = 50

/**
 * Tells each household whose waitlisted child moved into a seat (a cancellation or a raised capacity promoted it
 * in the database), with the lectures' "promoted" template: session, first day, place, code, 我的报名. Claimed
 * before sending so that one process tells each; a message that could not be sent is handed back at the end
 * and retried on the next run. Returns the households told.
 */
export async function tellPromotedHouseholds(
  payload: Payload,
  sms: SmsSender = configuredSms(payload),
  now = new Date(),
): Promise<number> {
  const store = holidayStore(payload)
  const unsent: DocId[] = []
  let told = 0
  for (;;) {
    const claimed = await store.claimPromotions(BATCH, now)
    if (!claimed.length) break
    for (const promotion of claimed) {
      try {
        const [session, household] = await Promise.all([
          payload.findByID({ collection: 'holiday-sessions', id: promotion.sessionId, depth: 0, overrideAccess: true }),
          payload.findByID({
            collection: 'households',
            id: promotion.householdId,
            depth: 0,
            overrideAccess: true,
            disableErrors: true,
          }),
        ])
        if (!household?.phone || !session.startsAt) continue
        const facts = {
          kind: 'promoted' as const,
          code: promotion.code,
          courseTitle: session.title,
          startsAt: session.startsAt,
          venue: placeText(session.venue),
          myBookingUrl: `${env().siteUrl}${myBookingUrl}`,
        }
        await sms.send(household.phone, renderMessage(facts), messageTemplate(facts))
        told++
      } catch (error) {
        payload.logger.error({ err: error, msg: 'holiday promotion message not sent; retried on the next run' })
        unsent.push(promotion.id)
      }
    }
  }
  // Handed back only now: claimed again within this run, a provider that is down would be asked forever.
  for (const id of unsent) await store.releasePromotion(id)
  return told
}
