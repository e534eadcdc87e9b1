import type { CollectionBeforeChangeHook } from 'payload'
import { cancellationDeadline, type SessionDay, sessionSpan, sortDays } from '../../../holiday/rules.ts'

/**
 * Keeps what the stores query in columns of the session itself: the first start and last end of its days (for
 * retention and sorting), the programme of its wave, and the cancellation deadline the wave's hours give.
 */
export const setSchedule: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const days = (data.days ?? originalDoc?.days ?? []) as SessionDay[]
  data.days = sortDays(days)
  const span = sessionSpan(days)
  if (span) Object.assign(data, span)
  const waveId = data.wave ?? originalDoc?.wave
  const wave =
    waveId &&
    (await req.payload.findByID({
      collection: 'holiday-waves',
      id: typeof waveId === 'object' ? waveId.id : waveId,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    }))
  if (wave) {
    data.programme = typeof wave.programme === 'object' ? wave.programme.id : wave.programme
    if (span) data.cancellationDeadline = cancellationDeadline(span.startsAt, wave.cancellationHoursBefore)
  }
  return data
}
