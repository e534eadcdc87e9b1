/**
 * Verify a mobile number: phone → 获取验证码 → the 6-digit code from the SMS (resend after a countdown).
 * On success the household's token is kept (householdState) and `onVerified` runs.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { householdFields as f } from '../../../common/household/fields.ts'
import { normalisePhone } from '../../../common/phone.ts'
import { api } from '../api.ts'
import { checkPhone } from '../checks.ts'
import { ErrorText } from '../FormFields.tsx'
import { focusLater } from '../format.ts'
import { useHydrated } from '../useHydrated.ts'
import { refresh, saveToken } from './householdState.ts'
import '../booking.css'
import './household.css'

type Props = { onVerified?: () => void; idPrefix?: string }
type Sent = { sent: true; validMinutes: number; resendAfterSeconds: number }
type Errors = { phone?: string; code?: string }

export function VerifyPhone({ onVerified, idPrefix = 'hh' }: Props) {
  const hydrated = useHydrated()
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [wait, setWait] = useState(0)
  const [errors, setErrors] = useState<Errors>({})
  const [alert, setAlert] = useState('')
  const [busy, setBusy] = useState(false)
  const codeInput = useRef<HTMLInputElement>(null)
  const id = (name: string) => `${idPrefix}-${name}`

  useEffect(() => {
    if (wait <= 0) return
    const timer = setTimeout(() => setWait((w) => w - 1), 1000)
    return () => clearTimeout(timer)
  }, [wait])

  async function send() {
    if (busy) return
    setAlert('')
    const problem = checkPhone(phone)
    setErrors({ phone: problem })
    if (problem) return focusLater(() => document.getElementById(id('phone')))
    const normal = normalisePhone(phone) as string
    setBusy(true)
    const answer = await api<Sent>('POST', '/api/households/send-code', { phone: normal })
    setBusy(false)
    if (!answer.ok) {
      if (answer.error.field === 'phone') setErrors({ phone: answer.error.message })
      else setAlert(answer.error.message)
      return
    }
    setSentTo(normal)
    setWait(answer.data.resendAfterSeconds)
    focusLater(() => codeInput.current)
  }

  async function verify(event: FormEvent) {
    event.preventDefault()
    if (!sentTo) return void send()
    if (busy) return
    setAlert('')
    const typed = code.replace(/\s/g, '')
    const problem = !typed ? f.code.messages.required : f.code.pattern.test(typed) ? undefined : f.code.messages.invalid
    setErrors({ code: problem })
    if (problem) return focusLater(() => codeInput.current)
    setBusy(true)
    const answer = await api<{ token: string; expiresAt: string }>('POST', '/api/households/verify', {
      phone: sentTo,
      code: typed,
    })
    setBusy(false)
    if (!answer.ok) {
      if (answer.error.field === 'code') setErrors({ code: answer.error.message })
      else setAlert(answer.error.message)
      return focusLater(() => codeInput.current)
    }
    saveToken(answer.data.token, answer.data.expiresAt)
    await refresh()
    onVerified?.()
  }

  return (
    <form className="bk-form hh-verify" noValidate onSubmit={verify}>
      {!hydrated && <p className="note">验证表正在加载。如长时间无法填写，请刷新页面。</p>}
      <fieldset className="bk-fieldset" disabled={!hydrated}>
        <div className="bk-field">
          <label className="bk-label" htmlFor={id('phone')}>
            手机号
          </label>
          <div className="hh-row">
            <input
              id={id('phone')}
              className="bk-input text-input"
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              maxLength={20}
              value={phone}
              onInput={(e) => {
                setPhone(e.currentTarget.value)
                if (sentTo) setSentTo(null)
              }}
              aria-invalid={errors.phone ? true : undefined}
              aria-describedby={errors.phone ? id('phone-error') : undefined}
            />
            <button type="button" className="bk-button hh-send" disabled={busy || wait > 0} onClick={send}>
              {wait > 0 ? `${wait} 秒后可重发` : sentTo ? '重新获取' : '获取验证码'}
            </button>
          </div>
          <ErrorText id={id('phone-error')} message={errors.phone} />
        </div>
        {sentTo && (
          <div className="bk-field">
            <label className="bk-label" htmlFor={id('code')}>
              短信验证码
            </label>
            <input
              id={id('code')}
              ref={codeInput}
              className="bk-input text-input hh-code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={f.code.length}
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
              aria-invalid={errors.code ? true : undefined}
              aria-describedby={[id('code-hint'), errors.code && id('code-error')].filter(Boolean).join(' ')}
            />
            <p className="bk-hint" id={id('code-hint')}>
              验证码已发送，5 分钟内有效，最多可输入 5 次。
            </p>
            <ErrorText id={id('code-error')} message={errors.code} />
          </div>
        )}
      </fieldset>
      <div className="bk-alert-box" role="alert">
        {alert && <p className="bk-alert">{alert}</p>}
      </div>
      {sentTo && (
        <button type="submit" className="bk-submit" disabled={busy}>
          {busy ? '正在验证…' : '验证手机号'}
        </button>
      )}
    </form>
  )
}
