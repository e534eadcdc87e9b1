/**
 * 我的报名 by phone: a parent who lost a code verifies the phone and sees every lecture booking made with it and
 * the household's holiday registrations, each with its code. Holiday registrations come from
 * /api/holiday-registrations/mine; where that is not served (404), only lectures are listed. The household's
 * children are shown too, so a household can always see and delete what it entered.
 */
import { useEffect, useState } from 'react'
import { spacedCode } from '../../../common/booking/code.ts'
import { bookingStatusLabels } from '../../../common/booking/status.ts'
import { myBookingUrl } from '../api.ts'
import { formatDateTime } from '../format.ts'
import { ChildrenEditor } from './ChildrenEditor.tsx'
import { householdApi } from './householdState.ts'
import { useHousehold } from './useHousehold.ts'
import { VerifyPhone } from './VerifyPhone.tsx'
import '../booking.css'
import './household.css'

type Lecture = {
  code: string
  status: keyof typeof bookingStatusLabels.zh
  session: { startsAt?: string; course: { title: string } }
}
type Holiday = {
  code: string
  status: string
  child: { name: string } | null
  session: { title: string; days: { date: string }[] }
}
type Records = { lectures: Lecture[]; holidays: Holiday[]; error?: string }

const statusText = (status: string) => bookingStatusLabels.zh[status as Lecture['status']] ?? status

function Record({
  title,
  when,
  code,
  status,
  href,
}: {
  title: string
  when: string
  code: string
  status: string
  href?: string
}) {
  return (
    <li className="hh-record">
      <p>
        <strong>{title}</strong>
      </p>
      <p className="bk-hint">{when}</p>
      <p>
        报名码 <span className="hh-record__code">{spacedCode(code)}</span> ·{' '}
        <span className={`bk-badge bk-badge--${status}`}>{statusText(status)}</span>
      </p>
      {href && (
        <p>
          <a href={href}>查看详情或取消</a>
        </p>
      )}
    </li>
  )
}

export function PhoneRecords() {
  const household = useHousehold()
  const [records, setRecords] = useState<Records | null>(null)

  useEffect(() => {
    if (!household.token) return setRecords(null)
    let live = true
    void (async () => {
      const [lectures, holidays] = await Promise.all([
        householdApi<{ bookings: Lecture[] }>('GET', '/api/households/bookings'),
        householdApi<{ registrations: Holiday[] }>('GET', '/api/holiday-registrations/mine'),
      ])
      if (!live) return
      setRecords({
        lectures: lectures.ok ? lectures.data.bookings : [],
        holidays: holidays.ok ? holidays.data.registrations : [],
        error: lectures.ok ? undefined : lectures.error.message,
      })
    })()
    return () => {
      live = false
    }
  }, [household.token])

  if (!household.token) {
    return (
      <section className="bk" aria-labelledby="hh-records-title">
        <h2 id="hh-records-title" className="bk-title">
          用手机验证码查看全部报名
        </h2>
        <p className="bk-hint">验证报名时用的手机号后，可看到该手机号的全部报名和报名码。</p>
        <VerifyPhone idPrefix="hh-records" />
      </section>
    )
  }
  const empty = records && !records.lectures.length && !records.holidays.length
  return (
    <section className="bk" aria-labelledby="hh-records-title">
      <h2 id="hh-records-title" className="bk-title">
        手机号 {household.phoneMasked ?? ''} 的全部报名
      </h2>
      {!records && <p className="bk-hint">正在加载…</p>}
      {records?.error && <p className="bk-alert">{records.error}</p>}
      {empty && !records?.error && <p>这个手机号还没有报名记录。</p>}
      {!!records?.lectures.length && (
        <>
          <h3>福家大讲堂</h3>
          <ul className="hh-records">
            {records.lectures.map((b) => (
              <Record
                key={b.code}
                title={b.session.course.title}
                when={b.session.startsAt ? formatDateTime(b.session.startsAt) : ''}
                code={b.code}
                status={b.status}
                href={myBookingUrl(b.code)}
              />
            ))}
          </ul>
        </>
      )}
      {!!records?.holidays.length && (
        <>
          <h3>无忧假期</h3>
          <ul className="hh-records">
            {records.holidays.map((r) => (
              <Record
                key={r.code}
                title={`${r.session.title}${r.child ? `（${r.child.name}）` : ''}`}
                when={r.session.days.map((d) => d.date).join('、')}
                code={r.code}
                status={r.status}
              />
            ))}
          </ul>
        </>
      )}
      <ChildrenEditor />
      <button type="button" className="bk-link" onClick={household.signOut}>
        退出验证（在他人手机上使用时请退出）
      </button>
    </section>
  )
}
