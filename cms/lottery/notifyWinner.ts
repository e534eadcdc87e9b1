import type { Payload } from 'payload'
import { formatDateTime } from '../../common/dates.ts'
import { lotteryPageUrl } from '../../common/lottery/urls.ts'
import type { DocId } from '../booking/schemas.ts'
import { sendMessage } from '../dispatch/notify.ts'
import { env } from '../env.ts'

/**
 * Tells a household its child was drawn for a session, with the deadline and the wave's page where it confirms
 * (SMS template `lottery_offer`: session, deadline, link). A failed message is logged and never undoes the offer:
 * the outcome is on the wave's page either way.
 */
export async function notifyWinner(
  payload: Payload,
  offer: { household: DocId; wave: DocId; sessionTitle: string; expiresAt: string },
) {
  const household = await payload.findByID({
    collection: 'households',
    id: offer.household as number,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!household?.phone) return
  const deadline = formatDateTime(offer.expiresAt)
  const url = `${env().siteUrl}${lotteryPageUrl(String(offer.wave))}`
  const text = `【福家】您家孩子在无忧假期摇号中获得「${offer.sessionTitle}」的名额，请在${deadline}前打开 ${url} 确认录取，逾期名额将依次递补。`
  await sendMessage(
    payload,
    { phone: household.phone },
    text,
    { name: 'lottery_offer', params: { session: offer.sessionTitle, deadline, url } },
    '无忧假期摇号结果',
  )
}
