/**
 * /order/offer/?t=…: a lecturer answers an offer from the link in their SMS or email, without an account: the
 * course, place, time and requesting organisation, then 接受 or 谢绝 with a reason. The signed token is the only
 * key; it is sent to the API, never stored.
 */
import { type FormEvent, useEffect, useState } from 'react'
import { api } from '../api.ts'
import { formatDateTime, sessionTime } from '../format.ts'
import { Pending } from '../Pending.tsx'
import '../booking.css'

type Offer = {
  code: string
  course: { title: string; code: string }
  lecturer?: string
  startsAt: string
  endsAt: string
  expiresAt: string
  format: string
  place: string
  organisation: string
  headcount: number
  status: 'pending' | 'accepted' | 'declined' | 'expired' | 'withdrawn'
  canAnswer: boolean
}

const STATUS: Record<Offer['status'], string> = {
  pending: '等待您答复',
  accepted: '您已接受邀请。申请单位确认时间后，我们会通知您具体安排。感谢支持！',
  declined: '您已谢绝本次邀请，我们会另行安排。感谢您的答复。',
  expired: '邀请已过答复期限。如仍可授课，请联系区妇联。',
  withdrawn: '该邀请已撤回，无需操作。',
}

export default function OfferAnswer() {
  const [token, setToken] = useState('')
  const [offer, setOffer] = useState<Offer | null>(null)
  const [error, setError] = useState('')
  const [declining, setDeclining] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const t = new URLSearchParams(window.location.search).get('t') ?? ''
    setToken(t)
    if (!t) {
      setError('链接不完整，请使用短信或邮件中的完整链接。')
      return
    }
    void api<Offer>('GET', `/api/course-orders/offer?t=${encodeURIComponent(t)}`).then((answer) => {
      if (answer.ok) setOffer(answer.data)
      else setError(answer.error.message)
    })
  }, [])

  async function send(answer: 'accept' | 'decline', event?: FormEvent) {
    event?.preventDefault()
    if (answer === 'decline' && !reason.trim()) {
      setError('请填写无法授课的原因')
      return
    }
    setBusy(true)
    setError('')
    const res = await api<Offer>('POST', '/api/course-orders/offer/answer', {
      token,
      answer,
      ...(answer === 'decline' ? { reason: reason.trim() } : {}),
    })
    setBusy(false)
    if (res.ok) setOffer(res.data)
    else setError(res.error.message)
  }

  if (!offer) return <Pending error={error} />
  return (
    <section className="bk" aria-labelledby="offer-title">
      <h2 id="offer-title" className="bk-title">
        授课邀请：{offer.course.title}
      </h2>
      <dl className="bk-summary">
        <dt>时间</dt>
        <dd>{sessionTime(offer.startsAt, offer.endsAt)}</dd>
        <dt>地点</dt>
        <dd>{offer.format === 'online' ? '线上' : offer.place}</dd>
        <dt>申请单位</dt>
        <dd>{offer.organisation}</dd>
        <dt>预计人数</dt>
        <dd>{offer.headcount} 人</dd>
        {offer.canAnswer && (
          <>
            <dt>请在此前答复</dt>
            <dd>{formatDateTime(offer.expiresAt)}</dd>
          </>
        )}
      </dl>
      <p className="bk-status" role="status" data-offer-status={offer.status}>
        {STATUS[offer.status]}
      </p>
      {offer.canAnswer && (
        <form className="bk-form" noValidate onSubmit={(e) => send('decline', e)}>
          <div className="bk-actions">
            <button
              type="button"
              className="bk-button bk-button--primary"
              disabled={busy}
              onClick={() => send('accept')}
            >
              接受邀请
            </button>
            {!declining && (
              <button type="button" className="bk-button" disabled={busy} onClick={() => setDeclining(true)}>
                无法授课
              </button>
            )}
          </div>
          {declining && (
            <div className="bk-field">
              <label className="bk-label" htmlFor="offer-reason">
                无法授课的原因 *
              </label>
              <textarea
                id="offer-reason"
                className="bk-input text-input"
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
              <div className="bk-actions">
                <button type="submit" className="bk-button" disabled={busy}>
                  谢绝邀请
                </button>
              </div>
            </div>
          )}
        </form>
      )}
      {error && (
        <p className="bk-error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
