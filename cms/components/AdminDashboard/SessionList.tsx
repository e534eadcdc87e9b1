import { formatDate, formatWeekday } from '../../../common/dates.ts'
import { formatTime } from './days.ts'
import type { SessionSummary } from './sessions.ts'
import type { Strings } from './strings.ts'

const percent = (part: number, whole: number) => (whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 0)

function Fill({ session, s }: { session: SessionSummary; s: Strings }) {
  const full = session.confirmed >= session.capacity
  return (
    <dl className="admin-dashboard__fill">
      <div>
        <dt>{s.confirmed}</dt>
        <dd>
          {s.seats(session.confirmed, session.capacity)}
          {full && <span className="admin-dashboard__badge">{s.full}</span>}
        </dd>
      </div>
      {session.waitlistSize > 0 && (
        <div>
          <dt>{s.waitlist}</dt>
          <dd>{s.seats(session.waitlisted, session.waitlistSize)}</dd>
        </div>
      )}
      <div className="admin-dashboard__bar" aria-hidden="true">
        <span style={{ width: `${percent(session.confirmed, session.capacity)}%` }} />
      </div>
    </dl>
  )
}

/** One day's or one week's sessions, each with its fill and a link to its roster. */
export function SessionList({
  sessions,
  showDay,
  adminUrl,
  s,
}: {
  sessions: SessionSummary[]
  showDay: boolean
  adminUrl: (path: `/${string}`) => string
  s: Strings
}) {
  if (!sessions.length) return <p className="admin-dashboard__empty">{s.noSessions}</p>
  return (
    <ul className="admin-dashboard__sessions">
      {sessions.map((session) => {
        const when = `${formatTime(session.startsAt)}–${formatTime(session.endsAt)}`
        return (
          <li key={session.id} className="admin-dashboard__session">
            <p className="admin-dashboard__when">
              {showDay && `${formatDate(session.startsAt)} ${formatWeekday(session.startsAt)} `}
              {when}
              {session.status === 'cancelled' && <span className="admin-dashboard__badge">{s.cancelled}</span>}
            </p>
            <h3 className="admin-dashboard__course">
              <a href={adminUrl(`/collections/course-sessions/${session.id}`)}>{session.course}</a>
            </h3>
            <p className="admin-dashboard__place">{session.place}</p>
            <Fill session={session} s={s} />
            <a className="admin-dashboard__roster" href={adminUrl(`/collections/course-sessions/${session.id}/roster`)}>
              {s.roster}
              <span className="sr-only">：{session.course}</span>
            </a>
          </li>
        )
      })}
    </ul>
  )
}
