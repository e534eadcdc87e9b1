'use client'
import { Button, useConfig } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'
import type { HolidayRosterRow } from '../../holiday/staff.ts'
import { bookingCodeFromScan, request } from '../SessionRoster/api.ts'
import { QrScanner, useQrScanSupport } from '../SessionRoster/QrScanner.tsx'
import { stringsFor } from '../SessionRoster/strings.ts'
import type { HolidayStrings } from './strings.ts'

type DayRoster = {
  day: string
  days: string[]
  rows: HolidayRosterRow[]
  visits: { day: string; present: number; absent: number }[]
}

/** Today in Beijing if the session runs today, else its first day. */
const initialDay = (days: string[]) => {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
  return days.includes(today) ? today : (days[0] ?? today)
}

export function HolidayRosterPanel({
  sessionId,
  s,
  language,
}: {
  sessionId: number | string
  s: HolidayStrings
  language: string
}) {
  const { config } = useConfig()
  const canScan = useQrScanSupport()
  const [scanning, setScanning] = useState(false)
  const base = `${config.routes.api}/holiday-sessions/${sessionId}`
  const [day, setDay] = useState<string | null>(null)
  const [roster, setRoster] = useState<DayRoster | null>(null)
  const [contacts, setContacts] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [code, setCode] = useState('')

  const load = useCallback(
    async (wanted: string | null) => {
      try {
        let d = wanted
        if (!d) {
          const session = await request<{ days?: { date: string }[] }>(`${base}?depth=0`)
          d = initialDay((session.days ?? []).map((x) => x.date))
        }
        const data = await request<DayRoster>(`${base}/day-roster?day=${d}${contacts ? '&contacts=full' : ''}`)
        setDay(d)
        setRoster(data)
      } catch (error) {
        setMessage({ ok: false, text: s.loadFailed((error as Error).message) })
      }
    },
    [base, contacts, s],
  )
  useEffect(() => {
    void load(day)
  }, [load, day])

  const act = async (work: () => Promise<string | null>) => {
    try {
      const text = await work()
      setMessage(text ? { ok: true, text } : null)
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message })
    }
    await load(day)
  }

  const checkIn = (scanned?: string) =>
    act(async () => {
      const answer = await request<{ checkedIn: HolidayRosterRow | null }>(`${base}/check-in`, {
        day,
        code: bookingCodeFromScan(scanned ?? code),
      })
      setCode('')
      return s.checkedIn(answer.checkedIn?.childName ?? '')
    })
  const mark = (registration: HolidayRosterRow['registration'], status: 'present' | 'absent' | 'none') =>
    act(async () => {
      await request(`${base}/attendance`, { day, registration, status })
      return null
    })

  if (!roster || !day) return <p>{message?.text ?? s.loading}</p>
  const present = roster.rows.filter((r) => r.mark === 'present').length
  const visits = roster.visits.reduce((n, v) => n + v.present, 0)
  const exportUrl = (format: 'csv' | 'xlsx') =>
    `${base}/day-roster.${format}?day=${day}${contacts ? '&contacts=full' : ''}`

  return (
    <div className="holiday-roster">
      <div className="holiday-roster__bar">
        <label>
          {s.day}{' '}
          <select value={day} onChange={(e) => setDay(e.target.value)}>
            {roster.days.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <span>{s.visits(present, roster.rows.length)}</span>
        <span>{s.allVisits(visits)}</span>
      </div>
      <form
        className="holiday-roster__checkin"
        onSubmit={(e) => {
          e.preventDefault()
          void checkIn()
        }}
      >
        <label htmlFor="holiday-code">{s.codeLabel}</label>
        <input
          id="holiday-code"
          value={code}
          autoComplete="off"
          placeholder={s.codePlaceholder}
          onChange={(e) => setCode(e.target.value)}
        />
        <Button type="submit" buttonStyle="primary" size="small">
          {s.checkInButton}
        </Button>
        {canScan && !scanning ? (
          <Button buttonStyle="secondary" size="small" onClick={() => setScanning(true)}>
            {stringsFor(language).scan}
          </Button>
        ) : null}
      </form>
      {scanning ? (
        <QrScanner
          s={stringsFor(language)}
          onCode={(scanned) => void checkIn(scanned)}
          onError={(text) => setMessage({ ok: false, text })}
          onClose={() => setScanning(false)}
        />
      ) : null}
      {message ? (
        <p role="status" className={message.ok ? 'holiday-roster__ok' : 'holiday-roster__error'}>
          {message.text}
        </p>
      ) : null}
      <div className="holiday-roster__bar">
        <label>
          <input type="checkbox" checked={contacts} onChange={(e) => setContacts(e.target.checked)} /> {s.showContacts}
        </label>
        <a href={exportUrl('csv')}>{s.exportCsv}</a>
        <a href={exportUrl('xlsx')}>{s.exportXlsx}</a>
      </div>
      {roster.rows.length === 0 ? (
        <p>{s.empty}</p>
      ) : (
        <table className="holiday-roster__table">
          <thead>
            <tr>
              <th>{s.child}</th>
              <th>{s.grade}</th>
              <th>{s.householdPhone}</th>
              <th>{s.contact}</th>
              <th>{s.mark}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {roster.rows.map((r) => (
              <tr key={String(r.registration)} data-mark={r.mark}>
                <td>
                  {r.childName}
                  <br />
                  <small>{r.code}</small>
                </td>
                <td>{r.grade}</td>
                <td>{r.householdPhone}</td>
                <td>
                  {r.contactName} {r.contactPhone}
                </td>
                <td>{s[r.mark]}</td>
                <td>
                  {r.mark === 'present' ? (
                    <Button buttonStyle="secondary" size="small" onClick={() => void mark(r.registration, 'none')}>
                      {s.untick}
                    </Button>
                  ) : (
                    <Button buttonStyle="primary" size="small" onClick={() => void mark(r.registration, 'present')}>
                      {s.tick}
                    </Button>
                  )}
                  {r.mark !== 'absent' ? (
                    <Button buttonStyle="secondary" size="small" onClick={() => void mark(r.registration, 'absent')}>
                      {s.markAbsent}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
