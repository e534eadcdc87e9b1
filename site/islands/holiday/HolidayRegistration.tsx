/**
 * The session page's island: live seats and the countdown to the wave's opening on the server's clock (right
 * whatever the phone's clock says), the household (verify the phone, add children once: site/islands/household),
 * choosing children and the sessions picked on the programme page, and registering: before the opening the
 * button is armed and the registration goes by itself on the opening second; from the opening it goes at a tap.
 * A request without an answer is sent again with the same idempotency key. Results per child: code, QR for
 * check-in, waitlist place.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { formatDateTime } from '../../../common/dates.ts'
import { newIdempotencyKey } from '../api.ts'
import { QrCode } from '../Confirmation.tsx'
import { ChildrenEditor, useHousehold, VerifyPhone } from '../household/index.ts'
import { countdown, countdownText } from './clock.ts'
import {
  outcomeText,
  type RegisterItem,
  type RegisterOutcome,
  register,
  registerUntilAnswered,
  seatsText,
} from './holidayApi.ts'
import { readPicks } from './picks.ts'
import { buttonMode, type ChildInfo, isTooEarly, planItems, type SessionInfo } from './registration.ts'
import { useLiveSeats } from './useLiveSeats.ts'
import '../booking.css'
import './holiday.css'

type Session = SessionInfo & { schedule: string; url: string }

type Props = {
  session: Session
  wave: { id: string; name: string; opensAt: string; closesAt: string | null; perChildCap: number | null }
  /** The wave's other sessions (those picked on the programme page are offered here). */
  waveSessions: Session[]
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const sameItems = (a: RegisterItem[], b: RegisterItem[]) => JSON.stringify(a) === JSON.stringify(b)

export default function HolidayRegistration({ session, wave, waveSessions }: Props) {
  // The opening as built into the page, until the live answer says otherwise (staff may have moved it since).
  const [times, setTimes] = useState({ opensAt: wave.opensAt, closesAt: wave.closesAt })
  const opensAt = Date.parse(times.opensAt)
  const closesAt = times.closesAt ? Date.parse(times.closesAt) : undefined
  const household = useHousehold()
  const token = household.token
  const children: ChildInfo[] = useMemo(
    () => (household.children ?? []).map((c) => ({ id: String(c.id), name: c.name, grade: c.grade })),
    [household.children],
  )

  // Sessions picked on the programme page (same wave), offered beside this one.
  const [picked, setPicked] = useState<Session[]>([])
  const [withPicked, setWithPicked] = useState<Set<string>>(new Set())
  useEffect(() => {
    const ids = readPicks(wave.id).filter((id) => id !== session.id)
    const found = waveSessions.filter((s) => ids.includes(s.id))
    setPicked(found)
    setWithPicked(new Set(found.map((s) => s.id)))
  }, [wave.id, session.id, waveSessions])

  const { seats, now, failed, refresh } = useLiveSeats(
    [session.id, ...picked.map((s) => s.id)],
    closesAt === undefined ? [opensAt] : [opensAt, closesAt],
  )
  const live = seats[session.id]
  useEffect(() => {
    if (live?.opensAt) setTimes({ opensAt: live.opensAt, closesAt: live.closesAt ?? null })
  }, [live?.opensAt, live?.closesAt])

  // Children: those this session admits are chosen to begin with (the button says how many).
  const [chosen, setChosen] = useState<Set<string> | null>(null)
  const admitted = (child: ChildInfo) => planItems([child], [session]).items.length > 0
  const chosenIds = chosen ?? new Set(children.filter(admitted).map((c) => c.id))
  const chosenChildren = children.filter((c) => chosenIds.has(c.id))
  const sessions = [session, ...picked.filter((s) => withPicked.has(s.id))]
  const plan = planItems(chosenChildren, sessions)

  // The children editor: open while there are none, and it stays open for the next child after one is added.
  const [editorOpen, setEditorOpen] = useState(false)
  const noChildren = household.children !== undefined && household.children.length === 0
  useEffect(() => {
    if (noChildren) setEditorOpen(true)
  }, [noChildren])

  const [armed, setArmed] = useState(false)
  const [sending, setSending] = useState(false)
  const [notice, setNotice] = useState('')
  const [error, setError] = useState('')
  const [results, setResults] = useState<RegisterOutcome[] | null>(null)
  const pending = useRef<{ key: string; items: RegisterItem[] } | null>(null)
  const sendingNow = useRef(false)
  const resultsBox = useRef<HTMLHeadingElement>(null)

  const mode = buttonMode(now, opensAt, closesAt, armed)

  async function send() {
    if (sendingNow.current || !token) return
    const items = plan.items
    if (items.length === 0) {
      setArmed(false)
      setError('请先选择要报名的孩子。')
      return
    }
    sendingNow.current = true
    setSending(true)
    setError('')
    setNotice('')
    // The same choice sent again (no answer last time) keeps its key: the server answers it once.
    const key = pending.current && sameItems(pending.current.items, items) ? pending.current.key : newIdempotencyKey()
    pending.current = { key, items }
    const onRetry = () => setNotice('网络不稳定，正在重新提交（不会重复报名）…')
    let result = await registerUntilAnswered(() => register(token, key, items), { onRetry })
    // Refused as "not open yet": the request beat the opening by a hair; those items go again shortly.
    for (let attempt = 0; attempt < 3 && result.ok && result.data.some((r) => isTooEarly(r.error)); attempt++) {
      await wait(400)
      const again = result.data.filter((r) => isTooEarly(r.error)).map((r) => ({ session: r.session, child: r.child }))
      const retryKey = newIdempotencyKey()
      const second = await registerUntilAnswered(() => register(token, retryKey, again), { onRetry })
      if (!second.ok) break
      const done = result.data.filter((r) => !isTooEarly(r.error))
      result = { ...result, data: [...done, ...second.data] }
    }
    sendingNow.current = false
    setSending(false)
    setArmed(false)
    setNotice('')
    if (!result.ok) {
      if (result.status === 401) {
        household.signOut?.()
        setError('手机号验证已过期，请重新验证后再报名。')
      } else {
        setError(
          result.retryable ? `${result.error.message}。请再点一次“立即报名”，不会重复报名。` : result.error.message,
        )
      }
      if (!result.retryable) pending.current = null
      return
    }
    pending.current = null
    setResults(result.data)
    void refresh()
  }

  // Armed: goes on the opening second (the countdown ticks exactly onto it).
  // biome-ignore lint/correctness/useExhaustiveDependencies: send reads the current choice
  useEffect(() => {
    if (armed && mode === 'send' && !sendingNow.current) void send()
  }, [armed, mode])

  useEffect(() => {
    if (results) resultsBox.current?.focus()
  }, [results])

  const left = countdown(opensAt, now)
  const childName = (id: string) => children.find((c) => c.id === id)?.name ?? '孩子'
  const sessionTitle = (id: string) => [session, ...waveSessions].find((s) => s.id === id)?.title ?? '活动'

  if (results) {
    return (
      <section className="hd" aria-labelledby="hd-results">
        <h3 id="hd-results" tabIndex={-1} ref={resultsBox}>
          报名结果
        </h3>
        <ul className="hd-results">
          {results.map((r) => (
            <li
              key={`${r.session}-${r.child}`}
              className={`hd-result${r.error ? ' hd-result--failed' : r.status === 'waitlisted' ? ' hd-result--waitlisted' : ''}`}
              data-result={r.error ? 'failed' : r.status}
            >
              <strong>{childName(r.child)}</strong> · {sessionTitle(r.session)}
              <p>{outcomeText(r)}</p>
              {r.code && (
                <>
                  <span className="hd-result__code" data-code>
                    {r.code}
                  </span>
                  {r.status === 'waitlisted' ? (
                    <p className="note">候补不是正式名额：有人取消时按顺序递补，递补成功会短信通知。</p>
                  ) : (
                    <>
                      <QrCode code={r.code} />
                      <p className="note">签到时出示报名码或二维码。多天的活动每天签到一次。</p>
                    </>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
        <button type="button" className="hd-link" onClick={() => setResults(null)}>
          返回，为其他孩子报名
        </button>
      </section>
    )
  }

  return (
    <section className="hd" aria-label="报名">
      <p className="hd-live" aria-live="polite" data-live-seats>
        {live ? seatsText(live) : failed ? '暂时无法获取剩余名额' : '正在获取剩余名额…'}
      </p>
      {!left.done && (
        <div className="hd-clock" role="timer" aria-live="off">
          {wave.name} {formatDateTime(times.opensAt)} 开始报名，还有
          <strong className="hd-countdown" data-countdown>
            {countdownText(left)}
          </strong>
          <span className="note">按报名系统的时间倒计时，手机时间不准也不影响。</span>
        </div>
      )}

      {!token ? (
        <>
          <h3>第一步：验证手机号</h3>
          <p className="note">用家长手机号接收验证码。验证后可添加孩子，并为孩子报名。</p>
          <VerifyPhone onVerified={() => household.refresh?.()} />
        </>
      ) : (
        <>
          <h3 id="hd-children">为哪些孩子报名</h3>
          {children.length === 0 ? (
            <p className="note">还没有添加孩子。请先添加孩子信息，只需添加一次。</p>
          ) : (
            <ul className="hd-choices" aria-labelledby="hd-children">
              {children.map((child) => {
                const ok = admitted(child)
                return (
                  <li key={child.id}>
                    <label className={`hd-choice${ok ? '' : ' hd-choice--off'}`}>
                      <input
                        type="checkbox"
                        checked={chosenIds.has(child.id)}
                        disabled={sending || armed}
                        onChange={() => {
                          const next = new Set(chosenIds)
                          if (next.has(child.id)) next.delete(child.id)
                          else next.add(child.id)
                          setChosen(next)
                        }}
                      />
                      <span className="hd-choice__text">
                        {child.name}（{child.grade}）
                        {!ok && (
                          <span className="hd-choice__hint">
                            本活动招收{session.gradeFrom}至{session.gradeTo}
                          </span>
                        )}
                      </span>
                    </label>
                  </li>
                )
              })}
            </ul>
          )}
          <details
            className="hd-editor"
            open={editorOpen}
            onToggle={(event) => setEditorOpen((event.currentTarget as HTMLDetailsElement).open)}
          >
            <summary className="hd-link">添加或修改孩子信息</summary>
            <ChildrenEditor />
          </details>

          {picked.length > 0 && (
            <>
              <h3 id="hd-picked">一起报名的其他活动</h3>
              <ul className="hd-choices" aria-labelledby="hd-picked">
                {picked.map((s) => (
                  <li key={s.id}>
                    <label className="hd-choice">
                      <input
                        type="checkbox"
                        checked={withPicked.has(s.id)}
                        disabled={sending || armed}
                        onChange={() => {
                          const next = new Set(withPicked)
                          if (next.has(s.id)) next.delete(s.id)
                          else next.add(s.id)
                          setWithPicked(next)
                        }}
                      />
                      <span className="hd-choice__text">
                        {s.title}
                        <span className="hd-choice__hint">
                          {s.schedule}
                          {seats[s.id] ? ` · ${seatsText(seats[s.id] as NonNullable<(typeof seats)[string]>)}` : ''}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
          {wave.perChildCap && <p className="note">本批次每个孩子最多报 {wave.perChildCap} 个活动。</p>}

          {error && (
            <p className="hd-alert" role="alert">
              {error}
            </p>
          )}
          {notice && (
            <p className="hd-alert" role="status">
              {notice}
            </p>
          )}
          {plan.skipped.length > 0 && plan.items.length > 0 && <p className="note">年级不符的孩子不会报名对应活动。</p>}

          {mode === 'closed' ? (
            <p className="hd-alert">本批次报名已结束。</p>
          ) : (
            <button
              type="button"
              className={`hd-go${mode === 'armed' ? ' hd-go--armed' : ''}`}
              disabled={sending || plan.items.length === 0}
              onClick={() => {
                setError('')
                if (mode === 'arm') setArmed(true)
                else if (mode === 'armed') setArmed(false)
                else void send()
              }}
            >
              {sending
                ? '正在提交…'
                : mode === 'arm'
                  ? `到点自动报名（${plan.items.length} 项）`
                  : mode === 'armed'
                    ? '已准备好，到点自动提交（点此取消）'
                    : `立即报名（${plan.items.length} 项）`}
            </button>
          )}
          {mode === 'armed' && <p className="note">请保持本页面打开，到点后将自动提交，无需再点。</p>}
          {mode === 'arm' && <p className="note">也可以到点后再点“立即报名”。</p>}
        </>
      )}
    </section>
  )
}
