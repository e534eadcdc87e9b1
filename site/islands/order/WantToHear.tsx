/**
 * '我的社区也想听' on a course page: a parent names their street and community (and phone, one signal per phone per
 * course) so the federation sees where a course is wanted. Closed until tapped; the community list loads then.
 */
import { type FormEvent, useState } from 'react'
import { streets } from '../../../common/district.ts'
import { orderFields } from '../../../common/orders/fields.ts'
import { normalisePhone } from '../../../common/phone.ts'
import { api } from '../api.ts'
import { checkPhone } from '../checks.ts'
import { ErrorText } from '../FormFields.tsx'
import { focusLater } from '../format.ts'
import { useHydrated } from '../useHydrated.ts'
import { communitiesOf, useOrderOptions } from './useOrderOptions.ts'
import '../booking.css'
import './order.css'

type Field = 'street' | 'community' | 'phone'

export default function WantToHear({ courseId }: { courseId: string }) {
  const [open, setOpen] = useState(false)
  // Until the island runs, the button (rendered at build time) could not open anything.
  const hydrated = useHydrated()
  const [street, setStreet] = useState('')
  const [community, setCommunity] = useState('')
  const [phone, setPhone] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  const [sent, setSent] = useState('')
  const options = useOrderOptions(open)
  const communities = communitiesOf(options, street)

  async function send(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    const found: Partial<Record<Field, string>> = {
      street: street ? undefined : orderFields.street.messages.required,
      community: community ? undefined : orderFields.community.messages.required,
      phone: checkPhone(phone),
    }
    setErrors(found)
    setMessage('')
    const first = (['street', 'community', 'phone'] as const).find((f) => found[f])
    if (first) {
      focusLater(() => document.getElementById(`wh-${first}`))
      return
    }
    setBusy(true)
    const answer = await api<{ message: string }>('POST', '/api/demand-signals/signal', {
      course: /^\d+$/.test(courseId) ? Number(courseId) : courseId,
      street,
      community: /^\d+$/.test(community) ? Number(community) : community,
      phone: normalisePhone(phone) ?? phone,
    })
    setBusy(false)
    if (!answer.ok) {
      const field = (['street', 'community', 'phone'] as const).find((f) => f === answer.error.field)
      if (field) setErrors({ [field]: answer.error.message })
      else setMessage(answer.error.message)
      return
    }
    setSent(answer.data.message)
  }

  if (sent) {
    return (
      <p className="bk-status od-want" role="status">
        {sent}
      </p>
    )
  }
  if (!open) {
    return (
      <p className="od-want">
        <button
          type="button"
          className="bk-button"
          disabled={!hydrated}
          onClick={() => setOpen(true)}
          aria-expanded="false"
        >
          我的社区也想听
        </button>
      </p>
    )
  }

  const input = (field: Field) => ({
    id: `wh-${field}`,
    className: 'bk-input text-input',
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `wh-${field}-error` : undefined,
  })
  const error = (field: Field) => <ErrorText id={`wh-${field}-error`} message={errors[field]} />

  return (
    <form className="bk-form od-panel od-want" noValidate onSubmit={send} aria-label="我的社区也想听">
      <p>
        告诉我们您所在的社区，想听的人多了，区妇联会优先安排讲师到社区开讲。手机号只用于防止重复登记，不会明文保存。
      </p>
      <div className="bk-field">
        <label className="bk-label" htmlFor="wh-street">
          所在街道
        </label>
        <select
          {...input('street')}
          value={street}
          onChange={(e) => {
            setStreet(e.currentTarget.value)
            setCommunity('')
          }}
        >
          <option value="">请选择</option>
          {streets.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        {error('street')}
      </div>
      <div className="bk-field">
        <label className="bk-label" htmlFor="wh-community">
          所在社区
        </label>
        <select {...input('community')} value={community} onChange={(e) => setCommunity(e.currentTarget.value)}>
          <option value="">请选择</option>
          {communities.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {c.name}
            </option>
          ))}
        </select>
        {error('community')}
      </div>
      <div className="bk-field">
        <label className="bk-label" htmlFor="wh-phone">
          手机号
        </label>
        <input
          {...input('phone')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={orderFields.contactPhone.inputMaxLength}
          value={phone}
          onInput={(e) => setPhone(e.currentTarget.value)}
        />
        {error('phone')}
      </div>
      {message && (
        <p className="bk-alert" role="alert">
          {message}
        </p>
      )}
      <button type="submit" className="bk-button bk-button--primary" disabled={busy}>
        {busy ? '正在提交…' : '登记想听'}
      </button>
    </form>
  )
}
