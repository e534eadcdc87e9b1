'use client'
import { useState } from 'react'
import { ApiError, type RosterRow, type SessionApi } from './api.ts'
import type { Outcome } from './Feedback.tsx'
import { formatTime, type Strings } from './strings.ts'

type Options = {
  api: SessionApi
  s: Strings
  language: string
  /** Re-reads roster and counts; resolves to the fresh rows. */
  reload: () => Promise<RosterRow[] | undefined>
  report: (outcome: Outcome) => void
}

/**
 * Checking a booking in by its code, from the code field, a scan or a roster row. A refusal because it is not
 * the session's day is reported with the code, so the caller can offer 仍然签到.
 */
export function useCheckIn({ api, s, language, reload, report }: Options) {
  const [busy, setBusy] = useState(false)

  /** Resolves to true when the booking is (now or already) checked in. */
  const checkIn = async (code: string, confirmOutsideSessionDay = false): Promise<boolean> => {
    setBusy(true)
    try {
      const result = await api.checkIn(code, confirmOutsideSessionDay)
      const rows = await reload()
      const row = rows?.find((r) => r.code === result.code)
      const name = row?.parentName ?? ''
      report({
        feedback: result.alreadyCheckedIn
          ? { kind: 'info', text: s.alreadyCheckedIn(result.code, name, formatTime(row?.checkedInAt, language)) }
          : { kind: 'success', text: s.checkedIn(result.code, name) },
      })
      return true
    } catch (error) {
      const outsideDay = error instanceof ApiError && error.code === 'not_session_day'
      report({
        feedback: { kind: outsideDay ? 'info' : 'error', text: error instanceof Error ? error.message : String(error) },
        outsideDayCode: outsideDay ? code : undefined,
      })
      return false
    } finally {
      setBusy(false)
    }
  }

  return { checkIn, busy }
}
