'use client'
import { Banner, Button, CheckboxInput, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import { hasStarted } from '../../booking/sessionTiming.ts'
import { ApiError, type RosterRow, type SessionSummary, sessionApi } from './api.ts'
import { CheckIn } from './CheckIn.tsx'
import { DangerZone } from './DangerZone.tsx'
import { type Outcome, OutcomeMessage } from './Feedback.tsx'
import { RosterTable, type RowAction } from './RosterTable.tsx'
import { matchesSearch } from './search.ts'
import type { Strings } from './strings.ts'
import { useCheckIn } from './useCheckIn.ts'

type Status = RosterRow['status']
const statuses: Status[] = ['confirmed', 'waitlisted', 'attended', 'no-show', 'cancelled']
const active = (row: RosterRow) => row.status === 'confirmed' || row.status === 'waitlisted'
const seats = (rows: RosterRow[], status: Status) =>
  rows.filter((r) => r.status === status).reduce((sum, r) => sum + r.attendees, 0)
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

type Props = { sessionId: number | string; s: Strings; language: string }

/** Roster, counts, check-in, row actions, exports and cancelling the session, for one course session. */
export function SessionRosterPanel({ sessionId, s, language }: Props) {
  const id = useId()
  const router = useRouter()
  const { config } = useConfig()
  const api = useMemo(
    () => sessionApi(`${config.serverURL ?? ''}${config.routes.api}`, sessionId),
    [config.serverURL, config.routes.api, sessionId],
  )
  const [session, setSession] = useState<SessionSummary | null>(null)
  const [rows, setRows] = useState<RosterRow[]>([])
  const [loading, setLoading] = useState(true)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [fullPhones, setFullPhones] = useState(false)
  const [exportFullPhones, setExportFullPhones] = useState(false)
  const [filter, setFilter] = useState<Status | 'all'>('all')
  const [query, setQuery] = useState('')
  const [outcome, setOutcome] = useState<Outcome>({ feedback: null })
  const setFeedback = (feedback: Outcome['feedback']) => setOutcome({ feedback })

  /** Roster and counts together, so they always agree; resolves to the fresh rows. */
  const reload = useCallback(async () => {
    setLoading(true)
    try {
      const [summary, roster] = await Promise.all([api.session(), api.roster(fullPhones)])
      setSession(summary)
      setRows(roster.rows)
      setLoadError(null)
      return roster.rows
    } catch (error) {
      setLoadError(s.loadFailed(messageOf(error)))
      return undefined
    } finally {
      setLoading(false)
    }
  }, [api, fullPhones, s])

  useEffect(() => {
    void reload()
  }, [reload])

  const rowCheckIn = useCheckIn({ api, s, language, reload, report: setOutcome })

  const onAction = async (row: RosterRow, action: RowAction, reason?: string) => {
    // By the row's code, through the same endpoint as the code field: for a parent who lost the code.
    if (action === 'check-in') return rowCheckIn.checkIn(row.code)
    try {
      await api.bookingAction(row.id, action, reason)
      const done = { 'no-show': s.markedNoShow, promote: s.promoted, 'staff-cancel': s.cancelled }[action]
      setFeedback({ kind: 'success', text: done(row.code) })
      return true
    } catch (error) {
      setFeedback({ kind: 'error', text: s.actionFailed(error instanceof ApiError ? error.message : messageOf(error)) })
      return false
    } finally {
      await reload()
    }
  }

  const onCancelSession = async (reason: string) => {
    try {
      const { cancelledBookings } = await api.cancelSession(reason)
      setFeedback({ kind: 'success', text: s.sessionCancelledDone(cancelledBookings) })
      // The document changed (status, reason): re-render it from the server, then re-read the roster.
      router.refresh()
    } catch (error) {
      setFeedback({ kind: 'error', text: s.actionFailed(messageOf(error)) })
    }
    await reload()
  }

  const shown = rows.filter((r) => (filter === 'all' || r.status === filter) && matchesSearch(r, query))
  const cancelled = session?.status === 'cancelled'

  if (!session) {
    return <p className="session-roster__hint">{loadError ?? s.loading}</p>
  }

  return (
    <div className="session-roster__panel" aria-busy={loading}>
      {cancelled && <Banner type="error">{s.sessionCancelled(session.cancelReason ?? '')}</Banner>}

      <section className="session-roster__card" aria-label={s.counts}>
        <dl className="session-roster__counts">
          <div>
            <dt>{s.confirmed}</dt>
            <dd data-testid="count-confirmed">
              {session.confirmedCount ?? 0} <span>/ {s.capacity}</span> {session.capacity}
            </dd>
          </div>
          <div>
            <dt>{s.waitlisted}</dt>
            <dd data-testid="count-waitlisted">
              {session.waitlistedCount ?? 0} <span>/</span> {session.waitlistSize}
            </dd>
          </div>
          <div>
            <dt>{s.attended}</dt>
            <dd data-testid="count-attended">{s.people(seats(rows, 'attended'))}</dd>
          </div>
          <div>
            <dt>{s.noShow}</dt>
            <dd data-testid="count-no-show">{s.people(seats(rows, 'no-show'))}</dd>
          </div>
        </dl>
      </section>

      {!cancelled && <CheckIn api={api} s={s} language={language} reload={reload} />}

      <section className="session-roster__card" aria-labelledby={`${id}-roster`}>
        <div className="session-roster__heading">
          <h3 id={`${id}-roster`}>{s.roster}</h3>
          <span className="session-roster__hint">{s.shown(shown.length, rows.length)}</span>
        </div>
        <div className="session-roster__toolbar">
          <label className="session-roster__filter session-roster__search">
            <span>{s.search}</span>
            <input
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              placeholder={s.searchPlaceholder}
              autoComplete="off"
            />
          </label>
          <label className="session-roster__filter">
            <span>{s.filter}</span>
            <select value={filter} onChange={(event) => setFilter(event.target.value as Status | 'all')}>
              <option value="all">
                {s.all} ({rows.length})
              </option>
              {statuses.map((status) => (
                <option key={status} value={status}>
                  {s.status[status]} ({rows.filter((r) => r.status === status).length})
                </option>
              ))}
            </select>
          </label>
          <CheckboxInput
            id={`${id}-full-phones`}
            checked={fullPhones}
            label={s.showFullPhones}
            onToggle={(event) => setFullPhones(event.target.checked)}
          />
          <Button buttonStyle="secondary" size="small" margin={false} disabled={loading} onClick={() => reload()}>
            {s.refresh}
          </Button>
        </div>
        <OutcomeMessage
          outcome={loadError ? { feedback: { kind: 'error', text: loadError } } : outcome}
          s={s}
          busy={rowCheckIn.busy}
          onCheckInAnyway={(code) => void rowCheckIn.checkIn(code, true)}
        />
        <RosterTable
          rows={shown}
          total={rows.length}
          s={s}
          language={language}
          actionsEnabled={!cancelled}
          noShowFrom={hasStarted(session, new Date()) ? undefined : session.startsAt}
          onAction={onAction}
        />
        <div className="session-roster__toolbar session-roster__export">
          <span>{s.export}</span>
          <CheckboxInput
            id={`${id}-export-full`}
            checked={exportFullPhones}
            label={s.exportFullPhones}
            onToggle={(event) => setExportFullPhones(event.target.checked)}
          />
          {(['csv', 'xlsx'] as const).map((format) => (
            <Button
              key={format}
              el="anchor"
              url={api.exportUrl(format, exportFullPhones)}
              extraButtonProps={{ download: '' }}
              buttonStyle="secondary"
              size="small"
              margin={false}
            >
              {format === 'csv' ? s.exportCsv : s.exportXlsx}
            </Button>
          ))}
        </div>
      </section>

      {!cancelled && <DangerZone s={s} activeBookings={rows.filter(active).length} onCancelSession={onCancelSession} />}
    </div>
  )
}
