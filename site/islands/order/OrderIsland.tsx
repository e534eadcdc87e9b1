/**
 * /order/: a community, school or company orders a course to be given on their premises (点单). One column for a
 * phone; checks before sending in the API's words; the answer is an order code and a link to track it.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { spacedCode } from '../../../common/booking/code.ts'
import { ageBands, courseFormats } from '../../../common/catalogue.ts'
import { formatDate } from '../../../common/dates.ts'
import { streets } from '../../../common/district.ts'
import { orderFields as f, organisationTypes } from '../../../common/orders/fields.ts'
import { orderTrackUrl, privacyUrl } from '../../../common/urls.ts'
import { api, newIdempotencyKey } from '../api.ts'
import { errorId, fieldId } from '../bookingForm.ts'
import { problemsText } from '../checks.ts'
import { AlertBox, describedBy, FieldError, Group, phoneInput, SelectField, TextField } from '../FormFields.tsx'
import { focusLater } from '../format.ts'
import { useHydrated } from '../useHydrated.ts'
import {
  addDays,
  emptyOrder,
  formFieldOfOrder,
  type OrderErrors,
  type OrderFormField,
  type OrderValues,
  orderFieldOrder,
  orderRequest,
  todayInBeijing,
  validateOrder,
} from './orderForm.ts'
import { communitiesOf, useOrderOptions } from './useOrderOptions.ts'
import '../booking.css'
import './order.css'

export type OrderCourse = { id: string; code: string; title: string }

type ChipsProps = {
  field: OrderFormField
  legend: string
  errors: OrderErrors
  options: readonly { value: string; label: string }[]
} & ({ value: string; onChange: (value: string) => void } | { value: string[]; onChange: (value: string[]) => void })

/** Choices as large tappable chips: radios for one value, checkboxes for a list. */
function Chips({ field, legend, errors, options, value, onChange }: ChipsProps) {
  const many = Array.isArray(value)
  const toggle = (option: string, on: boolean) => {
    if (!Array.isArray(value)) return (onChange as (v: string) => void)(option)
    ;(onChange as (v: string[]) => void)(on ? [...value, option] : value.filter((v) => v !== option))
  }
  return (
    <Group legend={legend} describedBy={describedBy(errors, field)}>
      <div className="bk-choices od-chips" id={fieldId(field)} tabIndex={-1}>
        {options.map((o) => (
          <label key={o.value} className="bk-choice">
            <input
              type={many ? 'checkbox' : 'radio'}
              name={field}
              value={o.value}
              checked={many ? value.includes(o.value) : value === o.value}
              onChange={(e) => toggle(o.value, e.currentTarget.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError errors={errors} field={field} />
    </Group>
  )
}
type Submitted = { code: string; stateLabel: string; firstResponseDueAt: string }

export default function OrderIsland({ courses }: { courses: OrderCourse[] }) {
  const hydrated = useHydrated()
  const [values, setValues] = useState<OrderValues>(emptyOrder())
  const [errors, setErrors] = useState<OrderErrors>({})
  const [formError, setFormError] = useState('')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<Submitted | null>(null)
  const key = useRef(newIdempotencyKey())
  const errorBox = useRef<HTMLDivElement>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const options = useOrderOptions()

  useEffect(() => {
    try {
      const wanted = new URLSearchParams(window.location.search).get('course')?.toUpperCase()
      const course = courses.find((c) => c.code === wanted)
      if (course) setValues((v) => ({ ...v, course: course.id }))
    } catch {
      // no URLSearchParams: the course is chosen in the list
    }
  }, [courses])

  const set = <F extends OrderFormField>(field: F, value: OrderValues[F]) => {
    setValues((v) => ({ ...v, [field]: value, ...(field === 'street' ? { community: '' } : {}) }))
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  const setWindow = (i: number, part: 'from' | 'to', value: string) => {
    const windows = values.windows.map((w, k) => {
      if (k !== i) return w
      const next = { ...w, [part]: value }
      // A start date alone proposes the week after it as the window; the end can still be changed.
      if (part === 'from' && value && (!w.to || w.to < value)) next.to = addDays(value, 6)
      return next
    })
    set('windows', windows)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    setFormError('')
    const found = validateOrder(values)
    setErrors(found)
    const first = orderFieldOrder.find((field) => found[field])
    if (first) {
      setFormError(problemsText(Object.keys(found).length))
      focusLater(() => document.getElementById(fieldId(first)))
      return
    }
    setBusy(true)
    const answer = await api<Submitted>('POST', '/api/course-orders/submit', {
      ...orderRequest(values),
      idempotencyKey: key.current,
    })
    setBusy(false)
    if (!answer.ok) {
      const field = formFieldOfOrder(answer.error.field)
      if (field) {
        setErrors({ [field]: answer.error.message })
        focusLater(() => document.getElementById(fieldId(field)))
      } else {
        setFormError(answer.error.message)
        focusLater(() => errorBox.current)
      }
      // A definitive refusal ends this request; a resend after a network failure repeats it.
      if (!answer.retryable) key.current = newIdempotencyKey()
      return
    }
    setDone(answer.data)
    focusLater(() => heading.current)
  }

  if (done) {
    return (
      <section className="bk bk-result" aria-labelledby="od-done">
        <h2 id="od-done" className="bk-result__title" ref={heading} tabIndex={-1}>
          点单已提交
        </h2>
        <p>
          点单编号：
          <strong className="bk-code" data-testid="order-code">
            {spacedCode(done.code)}
          </strong>
        </p>
        <p>
          当前状态：<span className="bk-badge od-badge">{done.stateLabel}</span>
        </p>
        <p>
          区妇联将在 {formatDate(done.firstResponseDueAt)}{' '}
          前答复（遇节假日顺延）。请记下点单编号，凭编号和联系人手机号查看办理进度。
        </p>
        <p className="bk-actions">
          <a className="bk-button bk-button--primary" href={`${orderTrackUrl}?code=${encodeURIComponent(done.code)}`}>
            查看办理进度
          </a>
        </p>
      </section>
    )
  }

  const today = todayInBeijing()
  const communities = communitiesOf(options, values.street)
  const modes = options && options !== 'failed' ? options.interactionModes : []
  /** The props every single-value field takes: its name, value, change handler and the form's errors. */
  const bind = (field: Exclude<OrderFormField, 'audience' | 'windows' | 'consent'>) => ({
    field,
    value: values[field],
    onChange: (v: string) => set(field, v),
    errors,
  })
  const check = (field: OrderFormField) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': describedBy(errors, field),
  })

  return (
    <section className="bk" aria-labelledby="od-title">
      <h2 id="od-title" className="bk-title">
        填写点单
      </h2>
      {!hydrated && <p className="note">点单表正在加载。如长时间无法填写，请刷新页面。</p>}
      {options === 'failed' && <p className="bk-notice">社区名单加载失败，请检查网络后刷新页面。</p>}
      <form className="bk-form" noValidate onSubmit={submit}>
        <fieldset className="bk-fieldset" disabled={!hydrated}>
          <legend className="visually-hidden">点单信息</legend>
          <SelectField
            {...bind('course')}
            label="课程"
            options={courses.map((c) => ({ value: c.id, label: `${c.code} ${c.title}` }))}
          />
          <Chips {...bind('organisationType')} legend="单位类型" options={organisationTypes} />
          <TextField
            {...bind('organisationName')}
            label="单位名称"
            type="text"
            maxLength={f.organisationName.maxLength}
            autoComplete="organization"
          />
          <SelectField {...bind('street')} label="所在街道" options={streets.map((s) => ({ value: s, label: s }))} />
          <SelectField
            {...bind('community')}
            label="所在社区"
            options={communities.map((c) => ({ value: String(c.id), label: c.name }))}
          />
          <Chips
            field="audience"
            legend="听课对象（可多选）"
            errors={errors}
            options={ageBands.map((b) => ({ value: b.value, label: b.label.zh }))}
            value={values.audience}
            onChange={(v: string[]) => set('audience', v)}
          />
          <TextField
            {...bind('headcount')}
            label="预计人数"
            type="number"
            inputMode="numeric"
            min={String(f.headcount.min)}
            max={String(f.headcount.max)}
            maxLength={3}
            hint={`${f.headcount.min}–${f.headcount.max} 人`}
          />
          <Group legend="希望的时间段（至少 2 个）" describedBy={describedBy(errors, 'windows', 'od-windows-hint')}>
            <p className="bk-hint" id="od-windows-hint">
              选开始日期后会自动填上一周的结束日期，可以修改。第 3 个时间段可不填。
            </p>
            <div id={fieldId('windows')} tabIndex={-1}>
              {values.windows.map((w, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: three fixed slots, never reordered
                <div className="od-window" key={i}>
                  <span className="od-window__label">时间段 {i + 1}</span>
                  {(['from', 'to'] as const).map((part) => (
                    <label key={part}>
                      {part === 'from' ? '从' : '至'}
                      <input
                        type="date"
                        className="bk-input text-input"
                        data-testid={`window-${i}-${part}`}
                        min={part === 'to' && w.from ? w.from : addDays(today, 1)}
                        value={w[part]}
                        onInput={(e) => setWindow(i, part, e.currentTarget.value)}
                        {...check('windows')}
                      />
                    </label>
                  ))}
                </div>
              ))}
            </div>
            <FieldError errors={errors} field="windows" />
          </Group>
          <Chips
            {...bind('format')}
            legend="活动形式"
            options={courseFormats.map((o) => ({ value: o.value, label: o.label.zh }))}
          />
          {values.format === 'offline' && (
            <TextField
              {...bind('venueAddress')}
              label="场地地址"
              type="text"
              maxLength={f.venueAddress.maxLength}
              hint="如：××社区党群服务中心 3 楼多功能厅"
            />
          )}
          <Chips
            {...bind('interactionMode')}
            legend="互动形式"
            options={modes.map((m) => ({ value: String(m.id), label: m.name }))}
          />
          <TextField
            {...bind('contactName')}
            label="联系人"
            type="text"
            maxLength={f.contactName.maxLength}
            autoComplete="name"
          />
          <TextField
            {...bind('contactPhone')}
            label="联系人手机号"
            {...phoneInput}
            maxLength={f.contactPhone.inputMaxLength}
            hint="查看办理进度时需要；只有区妇联工作人员可见。"
          />
          <div className="bk-field">
            <label className="bk-label" htmlFor={fieldId('notes')}>
              备注（可不填）
            </label>
            <textarea
              id={fieldId('notes')}
              className="bk-input text-input od-textarea"
              maxLength={f.notes.maxLength}
              value={values.notes}
              onInput={(e) => set('notes', e.currentTarget.value)}
              {...check('notes')}
            />
            <FieldError errors={errors} field="notes" />
          </div>
          <div className="bk-consent">
            <label>
              <input
                id={fieldId('consent')}
                type="checkbox"
                checked={values.consent}
                onChange={(e) => set('consent', e.currentTarget.checked)}
                aria-invalid={errors.consent ? true : undefined}
                aria-describedby={errors.consent ? errorId('consent') : undefined}
              />
              我已阅读并同意<a href={privacyUrl}>《隐私政策》</a>，联系人信息仅用于本次送课联络。
            </label>
            <FieldError errors={errors} field="consent" />
          </div>
          <AlertBox boxRef={errorBox} message={formError} />
          <button type="submit" className="bk-submit" disabled={busy}>
            {busy ? '正在提交…' : '提交点单'}
          </button>
        </fieldset>
      </form>
    </section>
  )
}
