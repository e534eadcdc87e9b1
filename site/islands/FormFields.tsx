/**
 * The labelled inputs of the booking and order forms, each with its optional hint and its error, wired for screen
 * readers. Field names are any form's (`bk-<field>` ids).
 */
import type { ReactNode, Ref } from 'react'
import { errorId, fieldId } from './bookingForm.ts'

type FormField = string
type FieldErrors = Partial<Record<string, string>>

/** The ids an input is described by: its hint and, when shown, its error. */
export const describedBy = (errors: FieldErrors, field: FormField, hint?: string) =>
  [hint, errors[field] ? errorId(field) : undefined].filter(Boolean).join(' ') || undefined

/** A field's error under it, with the id its input is described by; nothing while there is none. */
export function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p className="bk-error" id={id}>
      {message}
    </p>
  ) : null
}

export const FieldError = ({ errors, field }: { errors: FieldErrors; field: FormField }) => (
  <ErrorText id={errorId(field)} message={errors[field]} />
)

type TextFieldProps = {
  field: FormField
  label: string
  value: string
  onChange: (value: string) => void
  errors: FieldErrors
  type: 'text' | 'tel' | 'email' | 'number' | 'date'
  maxLength: number
  autoComplete?: string
  inputMode?: 'text' | 'tel' | 'email' | 'numeric'
  min?: string
  max?: string
  hint?: string
}

/** A mobile number's input: the phone keypad and the browser's saved number. */
export const phoneInput = { type: 'tel', inputMode: 'tel', autoComplete: 'tel' } as const

export function TextField({ field, label, value, onChange, errors, hint, ...input }: TextFieldProps) {
  const hintId = hint && `${fieldId(field)}-hint`
  return (
    <div className="bk-field">
      <label className="bk-label" htmlFor={fieldId(field)}>
        {label}
      </label>
      <input
        id={fieldId(field)}
        className="bk-input text-input"
        {...input}
        value={value}
        onInput={(e) => onChange(e.currentTarget.value)}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={describedBy(errors, field, hintId)}
      />
      {hint && (
        <p className="bk-hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldError errors={errors} field={field} />
    </div>
  )
}

type SelectFieldProps = {
  field: FormField
  label: string
  value: string
  onChange: (value: string) => void
  errors: FieldErrors
  options: { value: string; label: string }[]
}

/** A select whose first option, "请选择", stands for no choice yet. */
export function SelectField({ field, label, value, onChange, errors, options }: SelectFieldProps) {
  return (
    <div className="bk-field">
      <label className="bk-label" htmlFor={fieldId(field)}>
        {label}
      </label>
      <select
        id={fieldId(field)}
        className="bk-input text-input"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={describedBy(errors, field)}
      >
        <option value="">请选择</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError errors={errors} field={field} />
    </div>
  )
}

/** A group of radio buttons or other inputs under one legend. */
export function Group({
  legend,
  describedBy,
  children,
}: {
  legend: string
  describedBy?: string
  children: ReactNode
}) {
  return (
    <fieldset className="bk-group" aria-describedby={describedBy}>
      <legend className="bk-label">{legend}</legend>
      {children}
    </fieldset>
  )
}

/** The live region the form's (or the server's) problem is announced in; focused when it shows one. */
export function AlertBox({ boxRef, message }: { boxRef: Ref<HTMLDivElement>; message: string }) {
  return (
    <div ref={boxRef} className="bk-alert-box" role="alert" tabIndex={-1}>
      {message && <p className="bk-alert">{message}</p>}
    </div>
  )
}
