'use client'
import { Button, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'
import { formatDate, formatDateTime } from '../../../common/dates.ts'

type Candidate = { id: number | string; name: string; load: number; cap: number | null; why?: string }
type View = {
  state: string
  stateLabel: string
  windows: { from: string; to: string }[]
  visibility: 'public' | 'invitation'
  offer: null | {
    lecturer: string | null
    status: string
    startsAt: string
    endsAt: string
    expiresAt: string
    declineReason: string | null
  }
  session: null | {
    id: number
    startsAt: string
    confirmedCount: number
    capacity: number
    visibility: string
    inviteLink: string | null
  }
  timeline: { at: string; action: string; toState: string; by: string; reason: string | null }[]
}

const OFFER_LABELS: Record<string, string> = {
  pending: '待讲师答复',
  accepted: '讲师已接受，待申请单位确认',
  declined: '讲师已谢绝',
  expired: '讲师逾期未答复',
}
const shanghaiDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10)
const instant = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`).toISOString()

async function call<T>(url: string, body?: unknown): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
  const res = await fetch(url, {
    method: body ? 'POST' : 'GET',
    credentials: 'include',
    headers: body ? { 'Content-Type': 'application/json' } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  })
  const json = await res.json().catch(() => null)
  if (res.ok) return { ok: true, data: json as T }
  return { ok: false, message: (json as { error?: { message?: string } })?.error?.message ?? '操作失败，请刷新后重试' }
}

/**
 * 派单 on an order's page: pick a day in one of the requester's windows and a time, see the lecturers who teach the
 * course and are free then (with this month's load and cap; the others with why not), and send one the offer.
 * Also the current offer, the session with its invite link, and the full history (who, when, why).
 */
export function OrderDispatch() {
  const { id } = useDocumentInfo()
  const [view, setView] = useState<View | null>(null)
  const [error, setError] = useState('')
  const [day, setDay] = useState('')
  const [from, setFrom] = useState('09:00')
  const [to, setTo] = useState('11:00')
  const [visibility, setVisibility] = useState<'public' | 'invitation'>('invitation')
  const [found, setFound] = useState<{ free: Candidate[]; busy: Candidate[] } | null>(null)
  const [picked, setPicked] = useState<string>('')
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (id == null) return
    const res = await call<View>(`/api/course-orders/${id}/dispatch`)
    if (!res.ok) return setError(res.message)
    setView(res.data)
    setVisibility(res.data.visibility)
    if (res.data.windows[0]) setDay((d) => d || shanghaiDay(res.data.windows[0]!.from))
  }, [id])
  useEffect(() => {
    void load()
  }, [load])

  if (id == null) return null
  if (!view) return error ? <p role="alert">{error}</p> : null
  const canOffer = ['accepted', 'scheduling'].includes(view.state) && view.offer?.status !== 'pending'

  async function find() {
    setError('')
    setFound(null)
    setPicked('')
    const q = `startsAt=${encodeURIComponent(instant(day, from))}&endsAt=${encodeURIComponent(instant(day, to))}`
    const res = await call<{ free: Candidate[]; busy: Candidate[] }>(`/api/course-orders/${id}/candidates?${q}`)
    if (!res.ok) return setError(res.message)
    setFound(res.data)
  }

  async function send() {
    setBusy(true)
    setError('')
    const res = await call(`/api/course-orders/${id}/offer`, {
      lecturer: picked,
      startsAt: instant(day, from),
      endsAt: instant(day, to),
      visibility,
    })
    setBusy(false)
    if (!res.ok) return setError(res.message)
    window.location.reload()
  }

  return (
    <div className="field-type order-dispatch" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h3>派单</h3>
      <p>
        <a href="/admin/dispatch">查看派单队列</a>
      </p>
      {view.offer && (
        <p data-testid="dispatch-offer">
          讲师邀请：{view.offer.lecturer}，{formatDateTime(view.offer.startsAt)}—
          {formatDateTime(view.offer.endsAt).slice(-5)}，{OFFER_LABELS[view.offer.status] ?? view.offer.status}
          {view.offer.status === 'pending' ? `（${formatDateTime(view.offer.expiresAt)}前答复）` : ''}
          {view.offer.declineReason ? `，原因：${view.offer.declineReason}` : ''}
        </p>
      )}
      {view.session && (
        <div data-testid="dispatch-session">
          <p>
            已生成场次：{formatDateTime(view.session.startsAt)}，已报名 {view.session.confirmedCount}/
            {view.session.capacity}，{view.session.visibility === 'invitation' ? '邀请制' : '公开'}。
          </p>
          {view.session.inviteLink && (
            <p>
              邀请报名链接（发给申请单位，转发到家长群）：
              <input readOnly value={view.session.inviteLink} style={{ width: '100%' }} aria-label="邀请报名链接" />
            </p>
          )}
        </div>
      )}
      {canOffer && (
        <fieldset style={{ border: '1px solid var(--theme-elevation-150)', padding: '0.75rem' }}>
          <legend>邀请讲师</legend>
          <p>
            申请单位希望的时间段：
            {view.windows.map((w) => `${formatDate(w.from)}—${formatDate(w.to)}`).join('；')}
          </p>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'flex-end' }}>
            <label>
              日期
              <input type="date" value={day} onChange={(e) => setDay(e.currentTarget.value)} />
            </label>
            <label>
              开始
              <input type="time" step={300} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
            </label>
            <label>
              结束
              <input type="time" step={300} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
            </label>
            <label>
              场次公开范围
              <select value={visibility} onChange={(e) => setVisibility(e.currentTarget.value as 'public')}>
                <option value="invitation">邀请制（凭链接报名）</option>
                <option value="public">公开（网站列出）</option>
              </select>
            </label>
            <Button size="small" buttonStyle="secondary" onClick={find} disabled={!day}>
              查找可派讲师
            </Button>
          </div>
          {found && (
            <div>
              {found.free.length === 0 ? (
                <p>该时间没有既教授本课程又有空的讲师，请换个时间。</p>
              ) : (
                <ul style={{ listStyle: 'none', padding: 0 }}>
                  {found.free.map((c) => (
                    <li key={c.id}>
                      <label>
                        <input
                          type="radio"
                          name="lecturer"
                          value={String(c.id)}
                          checked={picked === String(c.id)}
                          onChange={() => setPicked(String(c.id))}
                        />{' '}
                        {c.name}（本月 {c.load}
                        {c.cap != null ? `/${c.cap}` : ''} 场）
                      </label>
                    </li>
                  ))}
                </ul>
              )}
              {found.busy.length > 0 && (
                <details>
                  <summary>不可派的讲师（{found.busy.length}）</summary>
                  <ul>
                    {found.busy.map((c) => (
                      <li key={c.id}>
                        {c.name}：{c.why}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              <Button size="small" onClick={send} disabled={!picked || busy}>
                发送邀请
              </Button>
            </div>
          )}
        </fieldset>
      )}
      {error && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      )}
      <details open={view.timeline.length <= 8}>
        <summary>办理记录（{view.timeline.length}）</summary>
        <ol>
          {view.timeline.map((e) => (
            <li key={`${e.at}-${e.action}`}>
              {formatDateTime(e.at)} {e.action} → {e.toState}（{e.by}）{e.reason ? `：${e.reason}` : ''}
            </li>
          ))}
        </ol>
      </details>
    </div>
  )
}
