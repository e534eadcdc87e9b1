/**
 * The booking island's state and requests: the values typed, live seat numbers, sending the booking (with an
 * idempotency key kept while the same submission may be retried) and where the focus goes after each answer.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react'
import type { Availability } from '../../cms/booking/availability.ts'
import { api, newIdempotencyKey } from './api.ts'
import { readDraft, rememberChoices, writeDraft } from './bookingDraft.ts'
import {
  type BookingValues,
  bookingRequest,
  type FieldErrors,
  type FormField,
  fieldId,
  fieldOrder,
  formFieldOf,
  validateBooking,
} from './bookingForm.ts'
import type { BookedResult } from './Confirmation.tsx'
import { problemsText } from './checks.ts'
import { focusLater } from './format.ts'
import { type BookableSession, stateOf } from './sessionState.ts'
import { useHydrated } from './useHydrated.ts'

const initialValues = (sessions: BookableSession[]): BookingValues => {
  const firstOpen = sessions.find((s) => stateOf(s, undefined).open !== false) ?? sessions[0]
  return {
    session: firstOpen?.id ?? '',
    parentName: '',
    phone: '',
    childAgeBand: '',
    street: '',
    community: '',
    attendees: '1',
    email: '',
    guardianConsent: false,
  }
}

/** `invite`: the token of a session by invitation (its link's ?invite=), sent with every request about it. */
export function useBooking(sessions: BookableSession[], invite?: string) {
  const hydrated = useHydrated()
  const [live, setLive] = useState<Record<string, Availability>>({})
  const [values, setValues] = useState<BookingValues>(() => initialValues(sessions))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState('')
  const [notice, setNotice] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ booked: BookedResult; session: BookableSession; byEmail: boolean } | null>(
    null,
  )

  const form = useRef<HTMLFormElement>(null)
  const errorBox = useRef<HTMLDivElement>(null)
  const noticeBox = useRef<HTMLParagraphElement>(null)
  const busyNow = useRef(false)
  /** The last submission without a definitive answer: sent again unchanged, it reuses its idempotency key. */
  const pending = useRef<{ body: string; key: string } | null>(null)

  const refresh = (ids: string[]) =>
    Promise.all(
      ids.map(async (id) => {
        const answer = await api<Availability>(
          'GET',
          `/api/course-sessions/${encodeURIComponent(id)}/availability${invite ? `?invite=${encodeURIComponent(invite)}` : ''}`,
        )
        if (answer.ok) setLive((prev) => ({ ...prev, [id]: answer.data }))
      }),
    )

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on hydration
  useEffect(() => {
    setValues((v) => ({ ...v, ...readDraft() }))
    void refresh(sessions.map((s) => s.id))
  }, [])

  useEffect(() => {
    if (hydrated && !result) writeDraft(values)
  }, [hydrated, result, values])

  const set = <K extends FormField>(field: K, value: BookingValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }))
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  const selected = sessions.find((s) => s.id === values.session)
  const selectedState = selected ? stateOf(selected, live[selected.id]) : undefined
  const stateOfSession = (s: BookableSession) => stateOf(s, live[s.id])

  const focusField = (field: FormField) =>
    focusLater(() => {
      if (field === 'session' || field === 'attendees') {
        return (
          form.current?.querySelector<HTMLInputElement>(`input[name="${fieldId(field)}"]:checked`) ??
          form.current?.querySelector<HTMLInputElement>(`input[name="${fieldId(field)}"]`)
        )
      }
      return document.getElementById(fieldId(field))
    })

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busyNow.current) return
    setFormError('')
    setNotice('')
    const found = validateBooking(values)
    setErrors(found)
    const first = fieldOrder.find((f) => found[f])
    if (first) {
      setFormError(problemsText(Object.keys(found).length))
      focusField(first)
      return
    }
    const payload = bookingRequest(values)
    const body = JSON.stringify(payload)
    const key = pending.current?.body === body ? pending.current.key : newIdempotencyKey()
    pending.current = { body, key }

    busyNow.current = true
    setBusy(true)
    const answer = await api<BookedResult>('POST', '/api/bookings/book', {
      ...payload,
      ...(invite ? { invite } : {}),
      idempotencyKey: key,
    })
    busyNow.current = false
    setBusy(false)

    if (answer.ok) {
      pending.current = null
      rememberChoices(values)
      setResult({ booked: answer.data, session: selected as BookableSession, byEmail: Boolean(payload.email) })
      void refresh([values.session])
      return
    }
    if (!answer.retryable) pending.current = null
    // The phone cannot book this session again (the API does not say whether it holds a booking here).
    if (answer.error.code === 'phone_unavailable') {
      setNotice(answer.error.message)
      focusLater(() => noticeBox.current)
      return
    }
    if (!answer.retryable) pending.current = null
    const { message, field } = answer.error
    const inForm = formFieldOf(field)
    if (inForm) {
      setErrors({ [inForm]: message })
      setFormError(problemsText(1))
      focusField(inForm)
      return
    }
    setFormError(answer.retryable ? `${message.replace(/。$/, '')}。可再次提交，不会重复报名。` : message)
    if (answer.status === 409 || answer.status === 404) void refresh([values.session])
    focusLater(() => errorBox.current)
  }

  const another = () => {
    setResult(null)
    setValues((v) => ({ ...v, guardianConsent: false }))
    focusLater(() => document.getElementById('bk-title'))
  }

  return {
    hydrated,
    live,
    values,
    set,
    errors,
    formError,
    notice,
    busy,
    result,
    selectedState,
    stateOf: stateOfSession,
    submit,
    another,
    refs: { form, errorBox, noticeBox },
  }
}
