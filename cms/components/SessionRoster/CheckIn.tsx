'use client'
import { Button } from '@payloadcms/ui'
import { type FormEvent, useId, useRef, useState } from 'react'
import { ApiError, type RosterRow, type SessionApi } from './api.ts'
import { QrScanner, useQrScanSupport } from './QrScanner.tsx'
import { formatTime, type Strings } from './strings.ts'

export type Feedback = { kind: 'success' | 'info' | 'error'; text: string } | null

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

type Props = {
  api: SessionApi
  s: Strings
  language: string
  /** Re-reads roster and counts; resolves to the fresh rows. */
  reload: () => Promise<RosterRow[] | undefined>
}

/** Check-in by booking code, typed (Enter submits) or read from the parent's QR code with the camera. */
export function CheckIn({ api, s, language, reload }: Props) {
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [scanning, setScanning] = useState(false)
  const [feedback, setFeedback] = useState<Feedback>(null)
  const canScan = useQrScanSupport()

  const checkIn = async (value: string) => {
    const wanted = value.trim()
    if (!wanted) {
      setFeedback({ kind: 'error', text: s.enterCode })
      input.current?.focus()
      return
    }
    setBusy(true)
    try {
      const result = await api.checkIn(wanted)
      const rows = await reload()
      const row = rows?.find((r) => r.code === result.code)
      const name = row?.parentName ?? ''
      setFeedback(
        result.alreadyCheckedIn
          ? { kind: 'info', text: s.alreadyCheckedIn(result.code, name, formatTime(row?.checkedInAt, language)) }
          : { kind: 'success', text: s.checkedIn(result.code, name) },
      )
      setCode('')
    } catch (error) {
      setFeedback({ kind: 'error', text: error instanceof ApiError ? error.message : String(error) })
    } finally {
      setBusy(false)
      input.current?.focus()
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!busy) void checkIn(code)
  }

  return (
    <section className="session-roster__card session-roster__checkin" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{s.checkIn}</h3>
      <form className="session-roster__checkin-form" onSubmit={submit} noValidate>
        <div className="field-type text session-roster__code">
          <label className="field-label" htmlFor={`${id}-code`}>
            {s.codeLabel}
          </label>
          <div className="field-type__wrap">
            <input
              ref={input}
              id={`${id}-code`}
              name="code"
              type="text"
              value={code}
              onChange={(event) => setCode(event.target.value.toUpperCase())}
              placeholder={s.codePlaceholder}
              aria-describedby={`${id}-hint`}
              autoComplete="off"
              autoCapitalize="characters"
              autoCorrect="off"
              spellCheck={false}
              maxLength={20}
            />
          </div>
          <p id={`${id}-hint`} className="session-roster__hint">
            {s.codeHint}
          </p>
        </div>
        <div className="session-roster__checkin-buttons">
          <Button type="submit" buttonStyle="primary" margin={false} disabled={busy}>
            {s.checkInButton}
          </Button>
          {canScan && !scanning && (
            <Button buttonStyle="secondary" margin={false} disabled={busy} onClick={() => setScanning(true)}>
              {s.scan}
            </Button>
          )}
        </div>
      </form>
      {scanning && (
        <QrScanner
          s={s}
          onCode={(scanned) => {
            setCode(scanned)
            void checkIn(scanned)
          }}
          onError={(text) => setFeedback({ kind: 'error', text })}
          onClose={() => {
            setScanning(false)
            input.current?.focus()
          }}
        />
      )}
      <FeedbackMessage feedback={feedback} className="session-roster__checkin-feedback" />
    </section>
  )
}
