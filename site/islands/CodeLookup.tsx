/**
 * The pieces of a "look it up by code and phone" page shared by /my-booking/ (MyBooking.tsx) and /order/track/
 * (order/OrderTrack.tsx): the `?code=` prefill, the two-field form, the form's alert box and the result's heading.
 * The phone never goes into a URL; only the code is read from it.
 */
import {
  type Dispatch,
  type FormEvent,
  type ReactNode,
  type Ref,
  type SetStateAction,
  useEffect,
  useState,
} from 'react'
import { CODE_LENGTH, normaliseBookingCode } from '../../common/booking/code.ts'
import { normalisePhone } from '../../common/phone.ts'
import { type Check, problemsText } from './checks.ts'
import { ErrorText } from './FormFields.tsx'
import { focusLater } from './format.ts'
import { type LookupErrors, type LookupField, lookupFieldOrder, validateLookup } from './lookupForm.ts'
import { useHydrated } from './useHydrated.ts'

/** The code and phone that find a booking or an order: what the lookup API receives. */
export type LookupOwner = { code: string; phone: string }

/**
 * The lookup form's state: whether the island has hydrated, the two fields (the code prefilled from `?code=`) and
 * their errors. `check` marks the fields in error and focuses the first (ids `<prefix>-code`, `<prefix>-phone`),
 * answering the alert's text, or the request body when both are right. `codeCheck` checks a booking's code unless
 * told otherwise.
 */
export function useCodeLookup(prefix: string, codeCheck?: Check<string>) {
  const hydrated = useHydrated()
  const [code, setCode] = useState('')
  const [phone, setPhone] = useState('')
  const [errors, setErrors] = useState<LookupErrors>({})
  useEffect(() => {
    try {
      const fromUrl = new URLSearchParams(window.location.search).get('code')
      if (fromUrl) setCode(normaliseBookingCode(fromUrl).slice(0, CODE_LENGTH))
    } catch {
      // no URLSearchParams: the field stays empty
    }
  }, [])
  const check = (): { problem: string } | { body: LookupOwner } => {
    const found = validateLookup({ code, phone }, codeCheck)
    setErrors(found)
    const first = lookupFieldOrder.find((f) => found[f])
    if (first) {
      focusLater(() => document.getElementById(`${prefix}-${first}`))
      return { problem: problemsText(Object.keys(found).length) }
    }
    return { body: { code: normaliseBookingCode(code), phone: normalisePhone(phone) ?? phone } }
  }
  const form: LookupFormState = {
    prefix,
    hydrated,
    values: { code, phone },
    setters: { code: setCode, phone: setPhone },
    errors,
    setErrors,
  }
  return { hydrated, check, form }
}

type LookupFormState = {
  prefix: string
  hydrated: boolean
  values: Record<LookupField, string>
  setters: Record<LookupField, (value: string) => void>
  errors: LookupErrors
  setErrors: Dispatch<SetStateAction<LookupErrors>>
}

/** The heading of what was found (focused after a lookup) and the status line under it. */
export function ResultHeading({
  id,
  title,
  headingRef,
  status,
}: {
  id: string
  title: string
  headingRef: Ref<HTMLHeadingElement>
  status: string
}) {
  return (
    <>
      <h2 id={id} className="bk-result__title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <p className="bk-status" role="status">
        {status}
      </p>
    </>
  )
}

type FieldText = { label: string; hint: ReactNode; maxLength: number }

/** The code and phone form; field ids are `<prefix>-code` and `<prefix>-phone`. */
export function CodeLookupForm({
  form: { prefix, hydrated, values, setters, errors, setErrors },
  title,
  legend,
  fields,
  codeSpellCheck,
  busy,
  alert,
  onSubmit,
  children,
}: {
  /** useCodeLookup's `form`. */
  form: LookupFormState
  title: string
  legend: string
  fields: Record<LookupField, FieldText>
  /** Set to false to keep the browser from marking the code as a misspelling. */
  codeSpellCheck?: boolean
  busy: boolean
  alert: ReactNode
  onSubmit: (event: FormEvent) => void
  /** Shown under the form. */
  children?: ReactNode
}) {
  const lookupFields: LookupField[] = ['code', 'phone']
  return (
    <section className="bk" aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`} className="bk-title">
        {title}
      </h2>
      {!hydrated && <p className="note">查询表正在加载。如长时间无法填写，请刷新页面。</p>}
      <form className="bk-form" noValidate onSubmit={onSubmit}>
        <fieldset className="bk-fieldset" disabled={!hydrated}>
          <legend className="visually-hidden">{legend}</legend>
          {lookupFields.map((field) => {
            const id = `${prefix}-${field}`
            const phone = field === 'phone'
            return (
              <div className="bk-field" key={field}>
                <label className="bk-label" htmlFor={id}>
                  {fields[field].label}
                </label>
                <input
                  id={id}
                  className="bk-input text-input"
                  type={phone ? 'tel' : 'text'}
                  inputMode={phone ? 'tel' : undefined}
                  autoComplete={phone ? 'tel' : 'off'}
                  autoCapitalize={phone ? undefined : 'characters'}
                  spellCheck={phone ? undefined : codeSpellCheck}
                  maxLength={fields[field].maxLength}
                  value={values[field]}
                  onInput={(e) => {
                    setters[field](e.currentTarget.value)
                    if (errors[field]) setErrors((x) => ({ ...x, [field]: undefined }))
                  }}
                  aria-invalid={errors[field] ? true : undefined}
                  aria-describedby={[`${id}-hint`, errors[field] && `${id}-error`].filter(Boolean).join(' ')}
                />
                <p className="bk-hint" id={`${id}-hint`}>
                  {fields[field].hint}
                </p>
                <ErrorText id={`${id}-error`} message={errors[field]} />
              </div>
            )
          })}
          {alert}
          <button type="submit" className="bk-submit" disabled={busy}>
            {busy ? '正在查询…' : '查询'}
          </button>
        </fieldset>
      </form>
      {children}
    </section>
  )
}

/** A step's two buttons: do it (its label turns to `busyLabel` while sending) or the other way out. */
export function ActionPair({
  busy,
  label,
  busyLabel,
  onClick,
  otherLabel,
  onOther,
}: {
  busy: boolean
  label: string
  busyLabel: string
  onClick: () => void
  otherLabel: string
  onOther: () => void
}) {
  return (
    <div className="bk-actions">
      <button type="button" className="bk-button bk-button--primary" disabled={busy} onClick={onClick}>
        {busy ? busyLabel : label}
      </button>
      <button type="button" className="bk-button" disabled={busy} onClick={onOther}>
        {otherLabel}
      </button>
    </div>
  )
}

/** "Are you sure?" before a step that cannot be undone; `boxRef` makes it focusable (to move the focus there). */
export function ConfirmBox({
  question,
  boxRef,
  children,
  ...actions
}: Parameters<typeof ActionPair>[0] & { question: string; boxRef?: Ref<HTMLFieldSetElement>; children: ReactNode }) {
  return (
    <fieldset ref={boxRef} className="bk-confirm" tabIndex={boxRef ? -1 : undefined}>
      <legend className="bk-confirm__question">
        <strong>{question}</strong>
      </legend>
      <p>{children}</p>
      <ActionPair {...actions} />
    </fieldset>
  )
}
