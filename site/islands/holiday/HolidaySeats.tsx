/**
 * The one island of a programme page: live seats written into each listed session's seat line
 * (`[data-seats="<id>"]`, empty in the static HTML so a cached page never shows old numbers), the countdown to
 * the next wave's opening on the server's clock, and the 加入一起报名 buttons (`[data-pick]`, hidden without
 * JavaScript) that keep picked sessions for the session page.
 */
import { useEffect, useState } from 'react'
import { formatDateTime } from '../../../common/dates.ts'
import { countdown, countdownText } from './clock.ts'
import { seatsText } from './holidayApi.ts'
import { readPicks, togglePick } from './picks.ts'
import { useLiveSeats } from './useLiveSeats.ts'
import './holiday.css'

type Props = {
  sessions: { id: string; wave: string }[]
  waves: { id: string; name: string; opensAt: string }[]
}

export default function HolidaySeats({ sessions, waves }: Props) {
  const [liveWaves, setLiveWaves] = useState(waves)
  const { seats, failed, now } = useLiveSeats(
    sessions.map((s) => s.id),
    liveWaves.map((w) => Date.parse(w.opensAt)),
  )
  // A wave's opening as the API says now (staff may have moved it since the page was built).
  useEffect(() => {
    setLiveWaves(
      waves.map((w) => {
        const one = sessions.find((s) => s.wave === w.id && seats[s.id]?.opensAt)
        const opensAt = one && seats[one.id]?.opensAt
        return opensAt ? { ...w, opensAt } : w
      }),
    )
  }, [seats, sessions, waves])
  const [picked, setPicked] = useState<Record<string, string[]>>({})

  // Seat lines.
  useEffect(() => {
    for (const el of document.querySelectorAll<HTMLElement>('[data-seats]')) {
      const s = seats[el.dataset.seats ?? '']
      if (!s) continue
      el.textContent = seatsText(s)
      el.dataset.state = s.state
    }
  }, [seats])

  // Pick buttons: shown now that they work, pressed when picked.
  useEffect(() => {
    const waveOf = new Map(sessions.map((s) => [s.id, s.wave]))
    setPicked(Object.fromEntries(waves.map((w) => [w.id, readPicks(w.id)])))
    const onClick = (event: Event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-pick]')
      const id = button?.dataset.pick
      const wave = id && waveOf.get(id)
      if (!wave) return
      const next = togglePick(wave, id)
      setPicked((old) => ({ ...old, [wave]: next }))
    }
    document.addEventListener('click', onClick)
    return () => document.removeEventListener('click', onClick)
  }, [sessions, waves])

  useEffect(() => {
    const all = new Set(Object.values(picked).flat())
    for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-pick]')) {
      const on = all.has(button.dataset.pick ?? '')
      button.hidden = false
      button.setAttribute('aria-pressed', String(on))
      button.textContent = on ? '已加入，点此移出' : '加入一起报名'
    }
  }, [picked])

  const next = liveWaves
    .map((w) => ({ ...w, at: Date.parse(w.opensAt) }))
    .filter((w) => w.at > now)
    .sort((a, b) => a.at - b.at)[0]
  const pickedCount = Object.values(picked).flat().length

  return (
    <div className="hd-bar" aria-live="polite">
      {next ? (
        <p className="hd-bar__line">
          {next.name}将于 {formatDateTime(next.opensAt)} 开始报名，还有{' '}
          <strong className="hd-countdown" data-countdown>
            {countdownText(countdown(next.at, now))}
          </strong>
        </p>
      ) : null}
      {failed && <p className="hd-bar__line hd-bar__line--warn">暂时无法获取剩余名额，请稍后刷新页面。</p>}
      {pickedCount > 0 && (
        <p className="hd-bar__line">已选 {pickedCount} 个活动一起报名：进入其中任一活动页面，即可为孩子一并报名。</p>
      )}
    </div>
  )
}
