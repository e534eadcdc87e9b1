/**
 * /rate/?code=…: a parent who was checked in rates the session (1–5 and a comment) by booking code and phone. The
 * phone never goes into a URL; `?code=` prefills the code (the post-session message links here).
 */
import { type FormEvent, useEffect, useState } from 'react'
import { normaliseBookingCode } from '../../../common/booking/code.ts'
import { normalisePhone } from '../../../common/phone.ts'
import { api } from '../api.ts'
import '../booking.css'

const SCORES = [1, 2, 3, 4, 5] as const
const SCORE_WORDS = ['很不满意', '不太满意', '一般', '满意', '非常满意']

export default function RateSession() {
  const [code, setCode] = useState('')
  const [phone, setPhone] = useState('')
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [error, setError] = useState('')
  const [done, setDone] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    setCode(new URLSearchParams(window.location.search).get('code') ?? '')
  }, [])

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!normaliseBookingCode(code)) return setError('请填写报名码')
    if (!normalisePhone(phone)) return setError('请填写报名时的 11 位手机号')
    if (!score) return setError('请选择 1–5 分')
    setBusy(true)
    setError('')
    const answer = await api<{ message: string }>('POST', '/api/ratings/parent', {
      code: normaliseBookingCode(code),
      phone: normalisePhone(phone),
      score,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    })
    setBusy(false)
    if (answer.ok) setDone(answer.data.message)
    else setError(answer.error.message)
  }

  if (done) {
    return (
      <section className="bk" aria-live="polite">
        <p className="bk-status" role="status">
          {done}
        </p>
      </section>
    )
  }
  return (
    <section className="bk" aria-labelledby="rate-title">
      <h2 id="rate-title" className="bk-title">
        为课程评分
      </h2>
      <form className="bk-form" noValidate onSubmit={submit}>
        <div className="bk-field">
          <label className="bk-label" htmlFor="rate-code">
            报名码 *
          </label>
          <input
            id="rate-code"
            className="bk-input text-input"
            autoComplete="off"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
          />
        </div>
        <div className="bk-field">
          <label className="bk-label" htmlFor="rate-phone">
            报名手机号 *
          </label>
          <input
            id="rate-phone"
            className="bk-input text-input"
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
          />
        </div>
        <fieldset className="bk-group">
          <legend className="bk-label">评分 *</legend>
          <div className="bk-choices">
            {SCORES.map((s) => (
              <label key={s} className="bk-choice">
                <input type="radio" name="score" value={s} checked={score === s} onChange={() => setScore(s)} /> {s} 分
                · {SCORE_WORDS[s - 1]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="bk-field">
          <label className="bk-label" htmlFor="rate-comment">
            想说的话（选填，最多 300 字）
          </label>
          <textarea
            id="rate-comment"
            className="bk-input text-input"
            maxLength={300}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
        </div>
        {error && (
          <p className="bk-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="bk-button bk-button--primary bk-submit" disabled={busy}>
          提交评价
        </button>
      </form>
    </section>
  )
}
