'use client'
import { Button, ConfirmationModal, useModal } from '@payloadcms/ui'
import { useId, useRef, useState } from 'react'
import { ReasonField, reasonGiven } from './ReasonField.tsx'
import type { Strings } from './strings.ts'

type Props = {
  s: Strings
  /** Active (confirmed or waitlisted) bookings the cancellation will cancel. */
  activeBookings: number
  /** Cancels the session; resolves when done (the panel reports the outcome and reloads the document). */
  onCancelSession: (reason: string) => Promise<void>
}

/** Cancelling the whole session: a required reason, then Payload's confirmation dialog. */
export function DangerZone({ s, activeBookings, onCancelSession }: Props) {
  const id = useId()
  const modalSlug = `cancel-session-${id.replace(/:/g, '')}`
  const { openModal } = useModal()
  const input = useRef<HTMLInputElement>(null)
  const [reason, setReason] = useState('')
  const [invalid, setInvalid] = useState(false)

  const ask = () => {
    if (!reasonGiven(reason)) {
      setInvalid(true)
      input.current?.focus()
      return
    }
    openModal(modalSlug)
  }

  return (
    <section className="session-roster__card session-roster__danger" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{s.dangerZone}</h3>
      <p className="session-roster__hint">{s.cancelSessionHint}</p>
      <form
        noValidate
        className="session-roster__danger-form"
        onSubmit={(event) => {
          event.preventDefault()
          ask()
        }}
      >
        <ReasonField
          id={id}
          label={s.cancelSessionReason}
          requiredMessage={s.reasonRequired}
          inputRef={input}
          reason={reason}
          setReason={setReason}
          invalid={invalid}
          setInvalid={setInvalid}
        />
        <Button type="submit" buttonStyle="error" margin={false}>
          {s.cancelSession}
        </Button>
      </form>
      <ConfirmationModal
        modalSlug={modalSlug}
        heading={s.cancelSessionHeading}
        body={s.cancelSessionBody(activeBookings, reason.trim())}
        confirmLabel={s.cancelSessionConfirm}
        confirmingLabel={s.cancellingSession}
        cancelLabel={s.keepSession}
        onConfirm={() => onCancelSession(reason.trim())}
      />
    </section>
  )
}
