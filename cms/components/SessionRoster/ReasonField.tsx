'use client'
import type { ReactNode, RefObject } from 'react'
import { cancelReasonField } from '../../../common/booking/fields.ts'

type Props = {
  id: string
  label: ReactNode
  requiredMessage: string
  inputRef: RefObject<HTMLInputElement | null>
  reason: string
  setReason: (value: string) => void
  invalid: boolean
  setInvalid: (value: boolean) => void
}

/** Long enough to tell the parent something: the staff endpoints refuse shorter reasons. */
export const reasonGiven = (reason: string) => reason.trim().length >= cancelReasonField.minLength

/** The required "reason shown to the parent" input used when cancelling a booking or a whole session. */
export function ReasonField({ id, label, requiredMessage, inputRef, reason, setReason, invalid, setInvalid }: Props) {
  return (
    <div className={`field-type text session-roster__reason${invalid ? ' error' : ''}`}>
      <label className="field-label" htmlFor={`${id}-reason`}>
        {label}
        <span className="required">*</span>
      </label>
      <div className="field-type__wrap">
        <input
          ref={inputRef}
          id={`${id}-reason`}
          type="text"
          value={reason}
          maxLength={cancelReasonField.maxLength}
          aria-required
          aria-invalid={invalid}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(event) => {
            setReason(event.target.value)
            if (invalid && reasonGiven(event.target.value)) setInvalid(false)
          }}
        />
      </div>
      {invalid && (
        <p id={`${id}-error`} className="session-roster__error" role="alert">
          {requiredMessage}
        </p>
      )}
    </div>
  )
}
