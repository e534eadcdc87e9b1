/**
 * /my-booking/: look a booking up by code and phone, see where and when, cancel it (with a confirm step).
 * The phone number never goes into a URL; `?code=` prefills the code (the confirmation screen links here).
 */
import { type FormEvent, useRef, useState } from 'react'
import type { BookingView } from '../../cms/booking/service.ts'
import { CODE_LENGTH, spacedCode } from '../../common/booking/code.ts'
import { bookingFields, codeField } from '../../common/booking/fields.ts'
import { bookingStatusLabels } from '../../common/booking/status.ts'
import { venueText } from '../../common/venue.ts'
import { api, calendarUrl } from './api.ts'
import { CodeLookupForm, ConfirmBox, type LookupOwner, ResultHeading, useCodeLookup } from './CodeLookup.tsx'
import { AlertBox } from './FormFields.tsx'
import { focusLater, formatDateTime, sessionTime } from './format.ts'
import { PhoneRecords } from './household/PhoneRecords.tsx'
import './booking.css'

function statusText(view: BookingView): string {
  const label = bookingStatusLabels.zh[view.status] ?? view.status
  return view.status === 'waitlisted' && view.waitlistPosition ? `${label}（第 ${view.waitlistPosition} 位）` : label
}

function BookingDetails({ view }: { view: BookingView }) {
  const { session } = view
  const course = session.course
  const sessionCancelled = session.status === 'cancelled'
  return (
    <>
      <dl className="bk-summary">
        <div>
          <dt>课程</dt>
          <dd>
            {course.slug ? <a href={`/courses/${course.slug}/`}>{course.title}</a> : course.title}（{course.code}）
          </dd>
        </div>
        <div>
          <dt>报名码</dt>
          <dd>{spacedCode(view.code)}</dd>
        </div>
        <div>
          <dt>状态</dt>
          <dd>
            <span className={`bk-badge bk-badge--${view.status}`} data-status={view.status}>
              {statusText(view)}
            </span>
          </dd>
        </div>
        <div>
          <dt>时间</dt>
          <dd>{sessionTime(session.startsAt, session.endsAt)}</dd>
        </div>
        <div>
          <dt>地点</dt>
          <dd>
            {session.onlineLink ? (
              <>
                线上：
                <a href={session.onlineLink} rel="noopener noreferrer">
                  进入线上课堂
                </a>
              </>
            ) : (
              venueText(session.venue, false)
            )}
          </dd>
        </div>
        <div>
          <dt>报名人</dt>
          <dd>
            {view.parentName} · {view.attendees} 人
          </dd>
        </div>
        {session.cancellationDeadline && (view.status === 'confirmed' || view.status === 'waitlisted') && (
          <div>
            <dt>取消截止</dt>
            <dd>{formatDateTime(session.cancellationDeadline)}</dd>
          </div>
        )}
      </dl>
      {sessionCancelled && (
        <p className="bk-notice">
          该场次已取消{session.cancelReason ? `：${session.cancelReason}` : '。'}给您带来不便，敬请谅解。
        </p>
      )}
      {view.cancelReason && !sessionCancelled && <p className="bk-notice">取消原因：{view.cancelReason}</p>}
      {view.status === 'waitlisted' && (
        <p className="bk-hint">有家长取消时将按顺序自动递补，递补后状态变为“已确认”。</p>
      )}
    </>
  )
}

export default function MyBooking() {
  const lookupForm = useCodeLookup('mb')
  const [formError, setFormError] = useState('')
  const [busy, setBusy] = useState(false)
  const [view, setView] = useState<BookingView | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [status, setStatus] = useState('')
  /** A parent who lost the code verifies the phone instead and sees all its bookings. */
  const [byPhone, setByPhone] = useState(false)
  /** The code and phone that found the booking shown; cancel sends these. */
  const owner = useRef<LookupOwner | null>(null)
  const busyNow = useRef(false)
  const heading = useRef<HTMLHeadingElement>(null)
  const errorBox = useRef<HTMLDivElement>(null)
  const confirmBox = useRef<HTMLFieldSetElement>(null)

  async function run<T>(path: string, body: LookupOwner) {
    busyNow.current = true
    setBusy(true)
    const answer = await api<T>('POST', path, body)
    busyNow.current = false
    setBusy(false)
    return answer
  }

  async function lookup(event: FormEvent) {
    event.preventDefault()
    if (busyNow.current) return
    setFormError('')
    setStatus('')
    const checked = lookupForm.check()
    if ('problem' in checked) {
      setFormError(checked.problem)
      return
    }
    const { body } = checked
    const answer = await run<BookingView>('/api/bookings/lookup', body)
    if (!answer.ok) {
      setFormError(answer.error.message)
      focusLater(() => errorBox.current)
      return
    }
    owner.current = body
    setView(answer.data)
    setConfirming(false)
    focusLater(() => heading.current)
  }

  async function cancel() {
    if (busyNow.current || !owner.current) return
    setFormError('')
    const answer = await run<BookingView>('/api/bookings/cancel', owner.current)
    setConfirming(false)
    if (!answer.ok) {
      setFormError(answer.error.message)
      focusLater(() => errorBox.current)
      return
    }
    setView(answer.data)
    setStatus('已取消报名。')
    focusLater(() => heading.current)
  }

  const startOver = () => {
    setView(null)
    setConfirming(false)
    setFormError('')
    setStatus('')
    owner.current = null
    focusLater(() => document.getElementById('mb-code'))
  }

  const alert = <AlertBox boxRef={errorBox} message={formError} />

  if (view) {
    return (
      <section className="bk" aria-labelledby="mb-result">
        <ResultHeading id="mb-result" title="报名详情" headingRef={heading} status={status} />
        <BookingDetails view={view} />
        {alert}
        {(view.status === 'confirmed' || view.status === 'waitlisted') && (
          <div className="bk-actions">
            <a className="bk-button" href={calendarUrl(view.calendarToken)} download={`fujia-${view.code}.ics`}>
              添加到日历（.ics）
            </a>
            {view.cancellable && !confirming && (
              <button
                type="button"
                className="bk-button"
                onClick={() => {
                  setConfirming(true)
                  focusLater(() => confirmBox.current)
                }}
              >
                取消报名
              </button>
            )}
          </div>
        )}
        {!view.cancellable && view.status === 'confirmed' && (
          <p className="bk-hint">已过取消截止时间，如需取消请联系主办方。</p>
        )}
        {confirming && (
          <ConfirmBox
            question="确定要取消这次报名吗？"
            boxRef={confirmBox}
            busy={busy}
            label="确认取消"
            busyLabel="正在取消…"
            onClick={cancel}
            otherLabel="暂不取消"
            onOther={() => {
              setConfirming(false)
              focusLater(() => heading.current)
            }}
          >
            {view.status === 'confirmed' ? '取消后名额将让给候补家长，' : '取消后将退出候补，'}无法恢复。
          </ConfirmBox>
        )}
        <p>
          <button type="button" className="bk-link" onClick={startOver}>
            查询其他报名
          </button>
        </p>
      </section>
    )
  }

  return (
    <CodeLookupForm
      form={lookupForm.form}
      title="查询报名"
      legend="报名码和手机号"
      fields={{
        code: {
          label: '报名码',
          hint: `报名成功时显示的 ${CODE_LENGTH} 位字母和数字。`,
          maxLength: codeField.inputMaxLength,
        },
        phone: { label: '手机号', hint: '报名时填写的手机号。', maxLength: bookingFields.phone.inputMaxLength },
      }}
      codeSpellCheck={false}
      busy={busy}
      alert={alert}
      onSubmit={lookup}
    >
      {byPhone ? (
        <PhoneRecords />
      ) : (
        <button type="button" className="bk-link" disabled={!lookupForm.hydrated} onClick={() => setByPhone(true)}>
          忘记报名码？用手机验证码查看全部报名
        </button>
      )}
    </CodeLookupForm>
  )
}
