'use client'
import { Button } from '@payloadcms/ui'
import type { Strings } from './strings.ts'

export type Feedback = { kind: 'success' | 'info' | 'error'; text: string } | null

/** What the last action said, and the booking code a check-in was refused for as outside the session's day. */
export type Outcome = { feedback: Feedback; outsideDayCode?: string }

const icons = { success: '✓', info: 'ℹ', error: '✗' } as const

/** A polite live region: screen readers hear each result without losing their place. */
export function FeedbackMessage({ feedback, className }: { feedback: Feedback; className?: string }) {
  return (
    <div
      className={['session-roster__feedback', feedback && `session-roster__feedback--${feedback.kind}`, className]
        .filter(Boolean)
        .join(' ')}
      role="status"
      aria-live="polite"
    >
      {feedback && (
        <span className="session-roster__feedback-icon" aria-hidden="true">
          {icons[feedback.kind]}
        </span>
      )}
      {feedback?.text}
    </div>
  )
}

type OutcomeProps = {
  outcome: Outcome
  s: Strings
  busy: boolean
  className?: string
  /** Checks the refused code in after all (仍然签到). */
  onCheckInAnyway: (code: string) => void
}

/** The feedback, with 仍然签到 beside a refusal for the session's day: staff decide, the server records it. */
export function OutcomeMessage({ outcome, s, busy, className, onCheckInAnyway }: OutcomeProps) {
  const { feedback, outsideDayCode } = outcome
  return (
    <div className="session-roster__outcome">
      <FeedbackMessage feedback={feedback} className={className} />
      {outsideDayCode && (
        <Button
          buttonStyle="primary"
          size="small"
          margin={false}
          disabled={busy}
          aria-label={`${s.checkInAnyway} ${outsideDayCode}`}
          onClick={() => onCheckInAnyway(outsideDayCode)}
        >
          {s.checkInAnyway}
        </Button>
      )}
    </div>
  )
}
