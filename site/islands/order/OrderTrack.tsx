/**
 * /order/track/: the requester follows an order by its code and the contact's phone: its state, every step with its
 * time (and the reason of a question, refusal or cancellation), and what they can do now — answer a question,
 * confirm or ask to change an offered date, withdraw before the date is fixed, cancel a fixed one.
 * The phone never goes into a URL; `?code=` prefills the code (the order confirmation links here).
 */
import { type FormEvent, type ReactNode, useRef, useState } from 'react'
import type { TrackView } from '../../../cms/orders/service.ts'
import { CODE_LENGTH, spacedCode } from '../../../common/booking/code.ts'
import { formatDate } from '../../../common/dates.ts'
import { orderCodeField, orderFields, orderReasonField } from '../../../common/orders/fields.ts'
import { courseUrl } from '../../../common/urls.ts'
import { api } from '../api.ts'
import {
  ActionPair,
  CodeLookupForm,
  ConfirmBox,
  type LookupOwner,
  ResultHeading,
  useCodeLookup,
} from '../CodeLookup.tsx'
import { checkCodeWith } from '../checks.ts'
import { AlertBox, ErrorText } from '../FormFields.tsx'
import { focusLater, formatDateTime, sessionTime } from '../format.ts'
import '../booking.css'
import './order.css'

type Step = 'supply-info' | 'confirm' | 'ask-change' | 'withdraw' | 'cancel' | 'rate'

const checkOrderCode = checkCodeWith(orderCodeField.messages)

const done: Record<Step, string> = {
  'supply-info': '已提交补充信息，区妇联将继续审核。',
  confirm: '已确认时间，活动已排期。',
  'ask-change': '已提交改期申请，区妇联将重新安排。',
  withdraw: '点单已撤回。',
  cancel: '活动已取消。',
  rate: '感谢您的评价！',
}

/** A step that needs words from the requester: a text box and a send button. */
function ReasonForm({
  id,
  label,
  hint,
  submitLabel,
  busy,
  onSend,
  onCancel,
}: {
  id: string
  label: string
  hint?: string
  submitLabel: string
  busy: boolean
  onSend: (reason: string) => void
  onCancel?: () => void
}) {
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const send = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = text.trim()
    if (trimmed.length < orderReasonField.minLength) {
      setError(trimmed ? orderReasonField.messages.tooShort : orderReasonField.messages.required)
      focusLater(() => document.getElementById(id))
      return
    }
    onSend(trimmed)
  }
  return (
    <form className="bk-form" noValidate onSubmit={send}>
      <div className="bk-field">
        <label className="bk-label" htmlFor={id}>
          {label}
        </label>
        <textarea
          id={id}
          className="bk-input text-input od-textarea"
          maxLength={orderReasonField.maxLength}
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value)
            setError('')
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined}
        />
        {hint && (
          <p className="bk-hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
        <ErrorText id={`${id}-error`} message={error} />
      </div>
      <div className="bk-actions">
        <button type="submit" className="bk-button bk-button--primary" disabled={busy}>
          {busy ? '正在提交…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="bk-button" disabled={busy} onClick={onCancel}>
            返回
          </button>
        )}
      </div>
    </form>
  )
}

/** Label–value rows; rows without a value are left out. */
function Facts({ rows }: { rows: [label: string, value: ReactNode][] }) {
  return (
    <dl className="bk-summary">
      {rows
        .filter(([, value]) => value !== undefined && value !== null && value !== '')
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  )
}

/** After the session: a score of 1–5 and an optional comment. */
function RateForm({ busy, onSend }: { busy: boolean; onSend: (score: number, comment: string) => void }) {
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [error, setError] = useState('')
  const send = (event: FormEvent) => {
    event.preventDefault()
    if (!score) {
      setError('请选择 1–5 分')
      return
    }
    onSend(score, comment.trim())
  }
  return (
    <form className="bk-form" noValidate onSubmit={send}>
      <fieldset className="bk-group" aria-describedby={error ? 'ot-score-error' : undefined}>
        <legend className="bk-label">这次活动您打几分？</legend>
        <div className="bk-choices od-chips">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="bk-choice">
              <input
                type="radio"
                name="ot-score"
                value={n}
                checked={score === n}
                onChange={() => {
                  setScore(n)
                  setError('')
                }}
              />
              {n} 分
            </label>
          ))}
        </div>
        <ErrorText id="ot-score-error" message={error} />
      </fieldset>
      <div className="bk-field">
        <label className="bk-label" htmlFor="ot-comment">
          意见和建议（可不填）
        </label>
        <textarea
          id="ot-comment"
          className="bk-input text-input od-textarea"
          maxLength={300}
          value={comment}
          onInput={(e) => setComment(e.currentTarget.value)}
        />
      </div>
      <button type="submit" className="bk-button bk-button--primary" disabled={busy}>
        {busy ? '正在提交…' : '提交评价'}
      </button>
    </form>
  )
}

function Details({ view }: { view: TrackView }) {
  return (
    <dl className="bk-summary">
      <div>
        <dt>点单编号</dt>
        <dd>{spacedCode(view.code)}</dd>
      </div>
      <div>
        <dt>状态</dt>
        <dd>
          <span className="bk-badge od-badge" data-state={view.state} data-testid="order-state">
            {view.stateLabel}
          </span>
        </dd>
      </div>
      {view.course && (
        <div>
          <dt>课程</dt>
          <dd>
            {view.course.slug ? <a href={courseUrl(view.course.slug)}>{view.course.title}</a> : view.course.title}（
            {view.course.code}）
          </dd>
        </div>
      )}
      <div>
        <dt>单位</dt>
        <dd>
          {view.organisationName} · {view.street} {view.community} · {view.headcount} 人
        </dd>
      </div>
      <div>
        <dt>希望时间</dt>
        <dd>{view.windows.map((w) => `${formatDate(w.from)}–${formatDate(w.to)}`).join('；')}</dd>
      </div>
      {view.state === 'submitted' && view.firstResponseDueAt && (
        <div>
          <dt>答复期限</dt>
          <dd>{formatDate(view.firstResponseDueAt)} 前（工作日计）</dd>
        </div>
      )}
    </dl>
  )
}

export default function OrderTrack() {
  const lookupForm = useCodeLookup('ot', checkOrderCode)
  const [formError, setFormError] = useState('')
  const [busy, setBusy] = useState(false)
  const [view, setView] = useState<TrackView | null>(null)
  const [step, setStep] = useState<Step | null>(null)
  const [status, setStatus] = useState('')
  const owner = useRef<LookupOwner | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const errorBox = useRef<HTMLDivElement>(null)

  async function call(path: string, body: Record<string, unknown>) {
    setBusy(true)
    const answer = await api<TrackView>('POST', path, body)
    setBusy(false)
    if (!answer.ok) {
      setFormError(answer.error.message)
      focusLater(() => errorBox.current)
      return null
    }
    return answer.data
  }

  async function lookup(event?: FormEvent) {
    event?.preventDefault()
    if (busy) return
    setFormError('')
    setStatus('')
    const checked = lookupForm.check()
    if ('problem' in checked) {
      setFormError(checked.problem)
      return
    }
    const { body } = checked
    const data = await call('/api/course-orders/track', body)
    if (!data) return
    owner.current = body
    setView(data)
    setStep(null)
    focusLater(() => heading.current)
  }

  async function act(which: Step, reason?: string, extra: Record<string, unknown> = {}) {
    if (busy || !owner.current) return
    setFormError('')
    const data = await call(`/api/course-orders/${which}`, {
      ...owner.current,
      ...(reason ? { reason } : {}),
      ...extra,
    })
    if (!data) return
    setView(data)
    setStep(null)
    setStatus(done[which])
    focusLater(() => heading.current)
  }

  async function refresh() {
    if (busy || !owner.current) return
    setFormError('')
    const data = await call('/api/course-orders/track', owner.current)
    if (data) {
      setView(data)
      setStatus('已刷新。')
    }
  }

  const alert = <AlertBox boxRef={errorBox} message={formError} />

  if (view) {
    return (
      <section className="bk" aria-labelledby="ot-result">
        <ResultHeading id="ot-result" title="办理进度" headingRef={heading} status={status} />
        <Details view={view} />
        {view.question && (
          <div className="od-panel">
            <h3>区妇联请您补充</h3>
            <p className="od-reason">{view.question}</p>
            {view.canSupplyInfo && (
              <ReasonForm
                id="ot-answer"
                label="您的补充说明"
                submitLabel="提交补充"
                busy={busy}
                onSend={(text) => act('supply-info', text)}
              />
            )}
          </div>
        )}
        {view.refusalReason && <p className="bk-notice">未能受理：{view.refusalReason}</p>}
        {view.cancelReason && (
          <p className="bk-notice">
            {view.cancelledBy ? `${view.cancelledBy}已取消活动` : '活动已取消'}：{view.cancelReason}
          </p>
        )}
        {view.state === 'awaiting_confirmation' && (
          <div className="od-panel">
            <h3>请确认送课安排</h3>
            {view.offer ? (
              <Facts
                rows={[
                  ['讲师', view.offer.lecturer],
                  ['时间', view.offer.startsAt && sessionTime(view.offer.startsAt, view.offer.endsAt)],
                  ['地点', view.offer.place],
                ]}
              />
            ) : (
              <p>区妇联已安排讲师，详细时间将电话告知。</p>
            )}
            {step === 'ask-change' ? (
              <ReasonForm
                id="ot-change"
                label="希望如何调整"
                hint="如：改到下一周的周六上午"
                submitLabel="提交改期申请"
                busy={busy}
                onSend={(text) => act('ask-change', text)}
                onCancel={() => setStep(null)}
              />
            ) : (
              <ActionPair
                busy={busy}
                label="确认时间"
                busyLabel="正在提交…"
                onClick={() => act('confirm')}
                otherLabel="申请改期"
                onOther={() => setStep('ask-change')}
              />
            )}
          </div>
        )}
        {view.session && (
          <div className="od-panel">
            <h3>活动安排</h3>
            <Facts
              rows={[
                ['时间', view.session.startsAt && sessionTime(view.session.startsAt, view.session.endsAt)],
                ['地点', view.session.place],
                ['已报名', `${view.session.rosterCount ?? 0} 人`],
              ]}
            />
            {view.session.link && (
              <p>
                <a href={view.session.link}>查看课程页面与报名情况</a>
              </p>
            )}
          </div>
        )}
        {view.canRate && (
          <div className="od-panel">
            <h3>请为这次送课评价</h3>
            <RateForm
              busy={busy}
              onSend={(score, comment) => act('rate', undefined, { score, ...(comment ? { comment } : {}) })}
            />
          </div>
        )}
        {alert}
        <h3>办理记录</h3>
        <ol className="od-timeline" data-testid="order-timeline">
          {view.timeline.map((t) => (
            <li key={`${t.at}-${t.actionLabel}`}>
              <time dateTime={t.at}>{formatDateTime(t.at)}</time>
              <strong>{t.actionLabel}</strong>（{t.by}）→ {t.stateLabel}
              {t.reason && <p className="od-reason">{t.reason}</p>}
            </li>
          ))}
        </ol>
        {(view.canWithdraw || view.canCancel) && step !== 'withdraw' && step !== 'cancel' && (
          <div className="bk-actions">
            <button
              type="button"
              className="bk-button"
              onClick={() => setStep(view.canWithdraw ? 'withdraw' : 'cancel')}
            >
              {view.canWithdraw ? '撤回点单' : '取消活动'}
            </button>
          </div>
        )}
        {step === 'withdraw' && (
          <ConfirmBox
            question="确定要撤回这个点单吗？"
            busy={busy}
            label="确认撤回"
            busyLabel="正在撤回…"
            onClick={() => act('withdraw')}
            otherLabel="暂不撤回"
            onOther={() => setStep(null)}
          >
            撤回后无法恢复，如仍需送课请重新点单。
          </ConfirmBox>
        )}
        {step === 'cancel' && (
          <ReasonForm
            id="ot-cancel"
            label="取消原因（将告知区妇联和讲师）"
            submitLabel="确认取消活动"
            busy={busy}
            onSend={(text) => act('cancel', text)}
            onCancel={() => setStep(null)}
          />
        )}
        <p className="bk-actions">
          <button type="button" className="bk-link" disabled={busy} onClick={refresh}>
            刷新进度
          </button>
          <button
            type="button"
            className="bk-link"
            onClick={() => {
              setView(null)
              owner.current = null
              setStatus('')
            }}
          >
            查询其他点单
          </button>
        </p>
      </section>
    )
  }

  return (
    <CodeLookupForm
      form={lookupForm.form}
      title="查询点单"
      legend="点单编号和手机号"
      fields={{
        code: { label: '点单编号', hint: `提交点单时显示的 ${CODE_LENGTH} 位字母和数字。`, maxLength: CODE_LENGTH + 4 },
        phone: {
          label: '联系人手机号',
          hint: '点单时填写的联系人手机号。',
          maxLength: orderFields.contactPhone.inputMaxLength,
        },
      }}
      busy={busy}
      alert={alert}
      onSubmit={lookup}
    />
  )
}
