'use client'
import { Button } from '@payloadcms/ui'
import { type FormEvent, useId, useRef, useState } from 'react'
import type { RosterRow, SessionApi } from './api.ts'
import { type Outcome, OutcomeMessage } from './Feedback.tsx'
import { QrScanner, useQrScanSupport } from './QrScanner.tsx'
import type { Strings } from './strings.ts'
import { useCheckIn } from './useCheckIn.ts'

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
  const [scanning, setScanning] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>({ feedback: null })
  const canScan = useQrScanSupport()
  const { checkIn: send, busy } = useCheckIn({ api, s, language, reload, report: setOutcome })

  const checkIn = async (value: string, confirmOutsideSessionDay = false) => {
    const wanted = value.trim()
    if (!wanted) {
      setOutcome({ feedback: { kind: 'error', text: s.enterCode } })
    } else if (await send(wanted, confirmOutsideSessionDay)) {
      setCode('')
    }
    input.current?.focus()
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
          onError={(text) => setOutcome({ feedback: { kind: 'error', text } })}
          onClose={() => {
            setScanning(false)
            input.current?.focus()
          }}
        />
      )}
      <OutcomeMessage
        outcome={outcome}
        s={s}
        busy={busy}
        className="session-roster__checkin-feedback"
        onCheckInAnyway={(refused) => void checkIn(refused, true)}
      />
    </section>
  )
}
