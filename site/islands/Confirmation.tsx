import { useEffect, useRef, useState } from 'react'
import { spacedCode } from '../../common/booking/code.ts'
import { bookingStatusLabels } from '../../common/booking/status.ts'
import { calendarUrl, myBookingUrl } from './api.ts'
import { copyText, focusLater, sessionTime } from './format.ts'
import type { QrPath } from './qr.ts'

export type BookedResult = {
  code: string
  status: 'confirmed' | 'waitlisted'
  waitlistPosition?: number
  calendarToken: string
}

type Props = {
  result: BookedResult
  course: { title: string; code: string }
  session: { startsAt: string; endsAt: string; place: string; online: boolean }
  /** An email address was given: messages go there as well as to the phone. */
  byEmail: boolean
  onAnother: () => void
}

/** The booking code drawn as a QR code, for check-in at the door. Loaded after the booking succeeded. */
export function QrCode({ code }: { code: string }) {
  const [qr, setQr] = useState<QrPath | null>(null)
  useEffect(() => {
    let current = true
    import('./qr.ts').then(({ qrPath }) => current && setQr(qrPath(code))).catch(() => undefined) // the code itself is on screen; the QR is a convenience
    return () => {
      current = false
    }
  }, [code])
  if (!qr) return <div className="bk-qr bk-qr--loading" aria-hidden="true" />
  return (
    <svg
      className="bk-qr"
      role="img"
      aria-label={`报名码 ${code} 的二维码`}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shapeRendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.d} fill="#000" />
    </svg>
  )
}

/** What happens to a waitlist place, and how the parent will hear of it: a waitlist place is no ticket. */
function WaitlistNext({ position, byEmail }: { position: number; byEmail: boolean }) {
  return (
    <>
      <p className="bk-result__lead">
        您是候补第 <strong className="bk-position">{position}</strong> 位。现在还没有名额，
        <strong>这不是入场凭证，请先不要到场。</strong>
      </p>
      <h4 className="bk-result__subtitle">接下来</h4>
      <ul className="bk-next">
        <li>有家长取消报名时，候补按先后顺序自动转为正式报名。</li>
        <li>
          转为正式报名后，我们会发短信到您的报名手机号{byEmail ? '，并发邮件到您填写的邮箱' : ''}，届时再按时参加。
        </li>
        <li>如果不再需要，请在“我的报名”中取消候补，把位置让给其他家长。</li>
      </ul>
    </>
  )
}

/**
 * What a parent sees after booking. A seat: the code (large, spaced, as QR) to show at check-in. A waitlist place:
 * what happens next and the code for 我的报名, with nothing that looks like a ticket.
 */
export function Confirmation({ result, course, session, byEmail, onAnother }: Props) {
  const heading = useRef<HTMLHeadingElement>(null)
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => focusLater(() => heading.current), [])

  const waitlisted = result.status === 'waitlisted'
  const place = session.online ? '线上（链接在名额确认后通过“我的报名”查看）' : session.place || '地点待定'
  const when = sessionTime(session.startsAt, session.endsAt)
  const details = [
    `福家大讲堂：${course.title}（${course.code}）`,
    `时间：${when}`,
    `地点：${place}`,
    `报名码：${result.code}${waitlisted ? `（${bookingStatusLabels.zh.waitlisted}）` : ''}`,
  ].join('\n')

  const onCopy = async () => setCopy((await copyText(details)) ? 'copied' : 'failed')

  return (
    <div className={`bk-result bk-result--${result.status}`}>
      <h3 className="bk-result__title" ref={heading} tabIndex={-1}>
        {waitlisted ? '已加入候补' : '报名成功'}
      </h3>
      {waitlisted ? (
        <WaitlistNext position={result.waitlistPosition ?? 1} byEmail={byEmail} />
      ) : (
        <p className="bk-result__lead">已为您保留名额，请凭报名码准时参加。</p>
      )}
      <dl className="bk-summary">
        <div>
          <dt>课程</dt>
          <dd>{course.title}</dd>
        </div>
        <div>
          <dt>时间</dt>
          <dd>{when}</dd>
        </div>
        <div>
          <dt>地点</dt>
          <dd>{place}</dd>
        </div>
      </dl>
      <div className="bk-ticket">
        <dl className="bk-ticket__code">
          <dt className="bk-ticket__label">报名码</dt>
          <dd className="bk-code" data-code={result.code}>
            {spacedCode(result.code)}
          </dd>
        </dl>
        {waitlisted ? (
          <p className="bk-hint">请记下报名码：查看或取消候补需要报名码和报名手机号。</p>
        ) : (
          <>
            <QrCode code={result.code} />
            <p className="bk-hint">请截图保存。查询、取消报名需要报名码和报名手机号；签到时出示报名码或二维码。</p>
          </>
        )}
      </div>
      <div className="bk-actions">
        <a className="bk-button" href={calendarUrl(result.calendarToken)} download={`fujia-${result.code}.ics`}>
          {waitlisted ? '加入手机日历（候补）' : '加入手机日历'}
        </a>
        <button type="button" className="bk-button" onClick={onCopy}>
          复制时间地点
        </button>
        <a className="bk-button" href={myBookingUrl(result.code)}>
          我的报名：查看或取消
        </a>
      </div>
      <p className="bk-status" role="status">
        {copy === 'copied'
          ? '已复制时间、地点和报名码'
          : copy === 'failed'
            ? '无法自动复制，请长按下方文字手动复制'
            : ''}
      </p>
      {copy === 'failed' && (
        <textarea className="bk-copy-fallback" readOnly rows={4} aria-label="时间地点和报名码" value={details} />
      )}
      <p>
        <button type="button" className="bk-link" onClick={onAnother}>
          报名其他场次
        </button>
      </p>
    </div>
  )
}
