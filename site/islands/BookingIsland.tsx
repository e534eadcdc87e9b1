/**
 * The booking island on a course page: live seats per upcoming session, the booking form, and the
 * confirmation. Rendered at build time with the build's seat numbers (the no-JS fallback); on hydration it
 * asks the API for live numbers. Written against React's API, shipped as Preact (astro.config.mjs).
 */
import { type FormEvent, useEffect, useRef, useState } from 'react'
import type { Availability } from '../../cms/booking/availability.ts'
import { ageBands } from '../../common/catalogue.ts'
import { streets } from '../../common/district.ts'
import { normalisePhone } from '../../common/phone.ts'
import { api, newIdempotencyKey } from './api.ts'
import { type BookedResult, Confirmation } from './Confirmation.tsx'
import { focusLater, sessionTime } from './format.ts'
import './booking.css'

export type BookableSession = {
  id: string
  startsAt: string
  endsAt: string
  /** "福田街道 · 岗厦社区 · …" or empty for an online session. */
  place: string
  online: boolean
  capacity: number
  /** As of the build. */
  seatsLeft: number
  waitlistSize: number
}

type Props = { course: { title: string; code: string }; sessions: BookableSession[] }

type Values = {
  session: string
  parentName: string
  phone: string
  childAgeBand: string
  street: string
  community: string
  attendees: '1' | '2'
  email: string
  guardianConsent: boolean
}
type Field = keyof Values
type TextField = 'parentName' | 'phone' | 'community' | 'email'
type SelectField = 'childAgeBand' | 'street'
type InputProps = {
  type: 'text' | 'tel' | 'email'
  maxLength: number
  autoComplete?: string
  inputMode?: 'text' | 'tel' | 'email'
}
type Errors = Partial<Record<Field, string>>

/** Form order: the first field in error gets the focus. */
const fieldOrder: Field[] = [
  'session',
  'parentName',
  'phone',
  'childAgeBand',
  'street',
  'community',
  'attendees',
  'email',
  'guardianConsent',
]
const fieldId = (field: Field) => `bk-${field}`
const errorId = (field: Field) => `bk-${field}-error`

const ageOptions = ageBands.map((b) => ({
  value: b.value,
  label: b.value === 'all' ? '不限 / 多个年龄段' : b.label.zh,
}))

/** The same rules and words as the API (cms/booking/schemas.ts), checked before sending. */
function validate(v: Values): Errors {
  const errors: Errors = {}
  if (!v.session) errors.session = '请选择场次'
  const name = v.parentName.trim()
  if (!name) errors.parentName = '请填写家长姓名'
  else if (name.length > 20) errors.parentName = '家长姓名最多 20 个字'
  if (!v.phone.trim()) errors.phone = '请填写手机号'
  else if (!normalisePhone(v.phone)) errors.phone = '请填写正确的 11 位手机号'
  if (!v.childAgeBand) errors.childAgeBand = '请选择孩子的年龄段'
  if (!v.street) errors.street = '请选择所在街道'
  if (v.community.trim().length > 30) errors.community = '社区名称最多 30 个字'
  if (v.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) errors.email = '邮箱格式不正确'
  if (!v.guardianConsent) errors.guardianConsent = '请阅读并勾选同意《儿童个人信息保护规则》'
  return errors
}

/** The API answers a 400 with one message and no field name: find the field it is about. */
function fieldOf(message: string): Field | undefined {
  const rules: [RegExp, Field][] = [
    [/姓名/, 'parentName'],
    [/手机号/, 'phone'],
    [/年龄段/, 'childAgeBand'],
    [/街道/, 'street'],
    [/社区/, 'community'],
    [/邮箱/, 'email'],
    [/参加人数/, 'attendees'],
    [/儿童个人信息保护规则/, 'guardianConsent'],
    [/场次/, 'session'],
  ]
  return rules.find(([pattern]) => pattern.test(message))?.[1]
}

type SessionState = {
  /** undefined: live numbers not (yet) known; the API decides on submit. */
  open: boolean | undefined
  waitlist: boolean
  seatsLeft: number
  label: string
  message?: string
}

const refusalLabel: Record<NonNullable<Availability['reason']>, string> = {
  full: '已满',
  not_open: '未开放报名',
  closed: '报名已截止',
  session_cancelled: '场次已取消',
}

function stateOf(s: BookableSession, live: Availability | undefined): SessionState {
  if (!live) {
    if (s.seatsLeft > 0)
      return { open: undefined, waitlist: false, seatsLeft: s.seatsLeft, label: `剩余 ${s.seatsLeft} 个名额` }
    return {
      open: undefined,
      waitlist: s.waitlistSize > 0,
      seatsLeft: 0,
      label: s.waitlistSize > 0 ? '名额已满，可报名候补' : '已满',
    }
  }
  const seatsLeft = Math.max(0, live.capacity - live.confirmed)
  if (!live.bookable) {
    const label = live.reason ? refusalLabel[live.reason] : '暂停报名'
    return { open: false, waitlist: false, seatsLeft, label, message: live.message }
  }
  if (seatsLeft > 0 && live.waitlisted === 0) {
    return { open: true, waitlist: false, seatsLeft, label: `剩余 ${seatsLeft} 个名额` }
  }
  const room = live.waitlistSize - live.waitlisted
  return { open: true, waitlist: true, seatsLeft, label: `名额已满，可报名候补（候补余 ${room} 位）` }
}

const DRAFT_KEY = 'fujia-booking-draft'
const draftFields = ['parentName', 'phone', 'childAgeBand', 'street', 'community', 'attendees', 'email'] as const

/** What was typed survives a trip to the privacy page and back (WeChat opens links in the same view). */
function readDraft(): Partial<Values> {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY)
    const data = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
    const draft: Partial<Record<(typeof draftFields)[number], string>> = {}
    for (const key of draftFields) if (typeof data[key] === 'string') draft[key] = data[key]
    if (draft.attendees !== '1' && draft.attendees !== '2') delete draft.attendees
    return draft as Partial<Values>
  } catch {
    return {}
  }
}
function writeDraft(values: Values | null) {
  try {
    if (!values) sessionStorage.removeItem(DRAFT_KEY)
    else sessionStorage.setItem(DRAFT_KEY, JSON.stringify(Object.fromEntries(draftFields.map((k) => [k, values[k]]))))
  } catch {
    // storage unavailable (private mode): nothing to keep
  }
}

/** Refreshes the seat numbers the static session list printed at build time. */
function updateStaticList(id: string, state: SessionState) {
  if (!/^[\w-]+$/.test(id)) return
  const strong = document.querySelector(`.sessions [data-session="${id}"] .session__seats strong`)
  if (strong) strong.textContent = state.seatsLeft > 0 ? `剩余 ${state.seatsLeft} 个` : '已满'
}

type BookAnswer = Partial<BookedResult> & { status: string; message?: string }

export default function BookingIsland({ course, sessions }: Props) {
  const firstOpen = sessions.find((s) => s.seatsLeft > 0) ?? sessions[0]
  const [hydrated, setHydrated] = useState(false)
  const [live, setLive] = useState<Record<string, Availability>>({})
  const [values, setValues] = useState<Values>({
    session: sessions.length === 1 ? (sessions[0]?.id ?? '') : (firstOpen?.id ?? ''),
    parentName: '',
    phone: '',
    childAgeBand: '',
    street: '',
    community: '',
    attendees: '1',
    email: '',
    guardianConsent: false,
  })
  const [errors, setErrors] = useState<Errors>({})
  const [formError, setFormError] = useState('')
  const [notice, setNotice] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ booked: BookedResult; session: BookableSession } | null>(null)

  const form = useRef<HTMLFormElement>(null)
  const errorBox = useRef<HTMLDivElement>(null)
  const noticeBox = useRef<HTMLParagraphElement>(null)
  const busyNow = useRef(false)
  /** The last submission without a definitive answer: sent again unchanged, it reuses its idempotency key. */
  const pending = useRef<{ body: string; key: string } | null>(null)

  const refresh = (ids: string[]) =>
    Promise.all(
      ids.map(async (id) => {
        const answer = await api<Availability>('GET', `/api/course-sessions/${encodeURIComponent(id)}/availability`)
        if (answer.ok) setLive((prev) => ({ ...prev, [id]: answer.data }))
      }),
    )

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on hydration
  useEffect(() => {
    setHydrated(true)
    setValues((v) => ({ ...v, ...readDraft() }))
    void refresh(sessions.map((s) => s.id))
  }, [])

  useEffect(() => {
    for (const s of sessions) if (live[s.id]) updateStaticList(s.id, stateOf(s, live[s.id]))
  }, [live, sessions])

  useEffect(() => {
    if (hydrated && !result) writeDraft(values)
  }, [hydrated, result, values])

  const set = <K extends Field>(field: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [field]: value }))
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  const selected = sessions.find((s) => s.id === values.session)
  const selectedState = selected ? stateOf(selected, live[selected.id]) : undefined
  const closed = selectedState?.open === false
  const tooFew = selectedState && !selectedState.waitlist && selectedState.seatsLeft === 1 && values.attendees === '2'

  const focusField = (field: Field) =>
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
    const found = validate(values)
    setErrors(found)
    const first = fieldOrder.find((f) => found[f])
    if (first) {
      const count = Object.keys(found).length
      setFormError(`有 ${count} 项需要填写或修改，请查看标红的提示。`)
      focusField(first)
      return
    }
    const payload = {
      session: values.session,
      parentName: values.parentName.trim(),
      phone: normalisePhone(values.phone) ?? values.phone,
      childAgeBand: values.childAgeBand,
      street: values.street,
      ...(values.community.trim() ? { community: values.community.trim() } : {}),
      ...(values.email.trim() ? { email: values.email.trim() } : {}),
      attendees: Number(values.attendees),
      guardianConsent: true,
    }
    const body = JSON.stringify(payload)
    const key = pending.current?.body === body ? pending.current.key : newIdempotencyKey()
    pending.current = { body, key }

    busyNow.current = true
    setBusy(true)
    const answer = await api<BookAnswer>('POST', '/api/bookings/book', { ...payload, idempotencyKey: key })
    busyNow.current = false
    setBusy(false)

    if (answer.ok) {
      pending.current = null
      const { code, calendarToken, status } = answer.data
      if (code && calendarToken && (status === 'confirmed' || status === 'waitlisted')) {
        writeDraft(null)
        setResult({ booked: { ...answer.data, code, calendarToken, status }, session: selected as BookableSession })
        void refresh([values.session])
        return
      }
      // This phone already holds a booking for the session: the API says so without revealing its code.
      setNotice(answer.data.message ?? '该手机号已报名本场次，无需重复报名。')
      focusLater(() => noticeBox.current)
      return
    }
    if (!answer.retryable) pending.current = null
    const { message, code } = answer.error
    const field = code === 'invalid_input' ? fieldOf(message) : undefined
    if (field) {
      setErrors({ [field]: message })
      setFormError('有 1 项需要填写或修改，请查看标红的提示。')
      focusField(field)
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

  if (result) {
    return (
      <section className="bk" aria-label="报名结果">
        <Confirmation result={result.booked} course={course} session={result.session} onAnother={another} />
      </section>
    )
  }

  const describedBy = (field: Field, hint?: string) =>
    [hint, errors[field] ? errorId(field) : undefined].filter(Boolean).join(' ') || undefined
  const fieldError = (field: Field) =>
    errors[field] ? (
      <p className="bk-error" id={errorId(field)}>
        {errors[field]}
      </p>
    ) : null
  /** A labelled text input with its optional hint and its error, wired for screen readers. */
  const textField = (field: TextField, label: string, input: InputProps, hint?: string) => (
    <div className="bk-field">
      <label className="bk-label" htmlFor={fieldId(field)}>
        {label}
      </label>
      <input
        id={fieldId(field)}
        className="bk-input text-input"
        {...input}
        value={values[field]}
        onInput={(e) => set(field, e.currentTarget.value)}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={describedBy(field, hint && `${fieldId(field)}-hint`)}
      />
      {hint && (
        <p className="bk-hint" id={`${fieldId(field)}-hint`}>
          {hint}
        </p>
      )}
      {fieldError(field)}
    </div>
  )
  /** A labelled select with a "请选择" first option and its error. */
  const selectField = (field: SelectField, label: string, options: { value: string; label: string }[]) => (
    <div className="bk-field">
      <label className="bk-label" htmlFor={fieldId(field)}>
        {label}
      </label>
      <select
        id={fieldId(field)}
        className="bk-input text-input"
        value={values[field]}
        onChange={(e) => set(field, e.currentTarget.value)}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={describedBy(field)}
      >
        <option value="">请选择</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {fieldError(field)}
    </div>
  )

  return (
    <section className="bk" aria-labelledby="bk-title">
      <h3 id="bk-title" className="bk-title" tabIndex={-1}>
        在线报名
      </h3>
      {!hydrated && <p className="note">报名表正在加载。如长时间无法填写，请刷新页面或联系主办方。</p>}
      <form ref={form} className="bk-form" noValidate onSubmit={submit}>
        <fieldset className="bk-fieldset" disabled={!hydrated}>
          <legend className="visually-hidden">报名信息</legend>
          <p className="bk-required-note">带 * 的为必填项。</p>

          <fieldset className="bk-group" aria-describedby={describedBy('session', 'bk-session-live')}>
            <legend className="bk-label">选择场次 *</legend>
            {fieldError('session')}
            <ul className="bk-options">
              {sessions.map((s) => {
                const state = stateOf(s, live[s.id])
                return (
                  <li key={s.id}>
                    <label className={`bk-option${state.open === false ? ' bk-option--closed' : ''}`}>
                      <input
                        type="radio"
                        name={fieldId('session')}
                        value={s.id}
                        checked={values.session === s.id}
                        onChange={() => set('session', s.id)}
                      />
                      <span className="bk-option__body">
                        <span className="bk-option__when">{sessionTime(s.startsAt, s.endsAt)}</span>
                        <span className="bk-option__where">{s.online ? '线上' : s.place || '地点待定'}</span>
                        <span className={`bk-option__seats${state.open === false ? ' bk-option__seats--off' : ''}`}>
                          {state.label}
                        </span>
                      </span>
                    </label>
                  </li>
                )
              })}
            </ul>
            <p id="bk-session-live" className="bk-hint" aria-live="polite">
              {Object.keys(live).length ? '名额为实时数据。' : '名额为页面生成时的数据，以提交时为准。'}
            </p>
          </fieldset>
          {closed && selectedState?.message && (
            <p className="bk-notice" role="status">
              {selectedState.label === '已满' ? `已满：${selectedState.message}` : selectedState.message}
            </p>
          )}

          {textField('parentName', '家长姓名 *', { type: 'text', autoComplete: 'name', maxLength: 20 })}

          {textField(
            'phone',
            '手机号 *',
            { type: 'tel', inputMode: 'tel', autoComplete: 'tel', maxLength: 20 },
            '中国大陆手机号，可带 +86 或空格；查询和取消报名时需要。',
          )}

          {selectField('childAgeBand', '孩子年龄段 *', ageOptions)}

          {selectField(
            'street',
            '所在街道 *',
            streets.map((street) => ({ value: street, label: street })),
          )}

          {textField('community', '所在社区（选填）', { type: 'text', maxLength: 30 })}

          <fieldset className="bk-group" aria-describedby={describedBy('attendees', 'bk-attendees-hint')}>
            <legend className="bk-label">参加人数 *</legend>
            <div className="bk-choices">
              {(['1', '2'] as const).map((n) => (
                <label key={n} className="bk-choice">
                  <input
                    type="radio"
                    name={fieldId('attendees')}
                    value={n}
                    checked={values.attendees === n}
                    onChange={() => set('attendees', n)}
                  />
                  <span>{n} 人</span>
                </label>
              ))}
            </div>
            <p className="bk-hint" id="bk-attendees-hint">
              每人占用 1 个名额，最多 2 人。
              {tooFew && '当前仅剩 1 个名额，2 人报名将进入候补。'}
            </p>
            {fieldError('attendees')}
          </fieldset>

          {textField(
            'email',
            '邮箱（选填）',
            { type: 'email', inputMode: 'email', autoComplete: 'email', maxLength: 100 },
            '填写后可收到报名确认和递补通知。',
          )}

          <div className="bk-consent">
            <input
              id={fieldId('guardianConsent')}
              type="checkbox"
              checked={values.guardianConsent}
              onChange={(e) => set('guardianConsent', e.currentTarget.checked)}
              aria-invalid={errors.guardianConsent ? true : undefined}
              aria-describedby={describedBy('guardianConsent')}
            />
            <label htmlFor={fieldId('guardianConsent')}>
              我是孩子的监护人，已阅读并同意
              <a href="/privacy/#minors-rules" target="_blank" rel="noopener">
                《儿童个人信息保护规则》
              </a>
            </label>
          </div>
          {fieldError('guardianConsent')}

          <div ref={errorBox} className="bk-alert-box" role="alert" tabIndex={-1}>
            {formError && <p className="bk-alert">{formError}</p>}
          </div>
          <p ref={noticeBox} className="bk-notice-box" role="status" tabIndex={-1}>
            {notice && (
              <>
                {notice} <a href="/my-booking/">前往“我的报名”</a>
              </>
            )}
          </p>

          <button type="submit" className="bk-submit" disabled={busy || closed}>
            {busy ? '正在提交…' : closed ? selectedState?.label : selectedState?.waitlist ? '提交候补报名' : '提交报名'}
          </button>
        </fieldset>
      </form>
    </section>
  )
}
