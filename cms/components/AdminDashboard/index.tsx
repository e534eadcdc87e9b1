import type { ServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import { formatDateTime } from '../../../common/dates.ts'
import { userHasRole } from '../../access/roles.ts'
import type { User } from '../../payload-types.ts'
import { DAYS_AHEAD } from './days.ts'
import { type ScheduledItem, scheduledByMe, unpublishedDrafts } from './editorWork.ts'
import { SessionList } from './SessionList.tsx'
import { upcomingSessions } from './sessions.ts'
import { stringsFor } from './strings.ts'
import { WorkList } from './WorkList.tsx'
import './index.scss'

/**
 * The first screen after signing in: what the signed-in person has to do today. Coordinators see the coming week's
 * sessions with their fill and a way into each roster; editors see unpublished drafts and what they scheduled.
 * Everything is read through the Local API as that user, so access rules decide what appears.
 */
export async function AdminDashboard({ payload, user: signedIn, i18n }: ServerProps) {
  const user = signedIn as User | undefined
  if (!user) return null
  const s = stringsFor(i18n.language)
  const adminUrl = (path: `/${string}`) => formatAdminURL({ adminRoute: payload.config.routes.admin, path })
  const coordinates = userHasRole(user, 'coordinator')
  const edits = userHasRole(user, 'editor')
  const [sessions, drafts, scheduled] = await Promise.all([
    coordinates ? upcomingSessions(payload, user) : undefined,
    edits ? unpublishedDrafts(payload, user) : undefined,
    edits ? scheduledByMe(payload, user) : undefined,
  ])
  const scheduledText = (item: ScheduledItem) =>
    (item.action === 'unpublish' ? s.unpublishAt : s.publishAt)(formatDateTime(item.when))

  return (
    <div className="admin-dashboard">
      <header className="admin-dashboard__header">
        <h1>{s.greeting(user.name)}</h1>
        <p>{s.timezoneNote}</p>
        <p>
          <a href={adminUrl('/impact')}>
            {i18n.language === 'en' ? 'Figures and annual report' : '数据统计与年度报告'}
          </a>
          {coordinates && (
            <>
              {' · '}
              <a href={adminUrl('/dispatch')}>{i18n.language === 'en' ? 'Dispatch queue' : '派单队列'}</a>
            </>
          )}
        </p>
      </header>
      <div className="admin-dashboard__columns">
        {sessions && (
          <section aria-labelledby="admin-dashboard-today">
            <h2 id="admin-dashboard-today">{s.today}</h2>
            <SessionList sessions={sessions.today} showDay={false} adminUrl={adminUrl} s={s} />
            <h2>{s.comingDays(DAYS_AHEAD)}</h2>
            <SessionList sessions={sessions.comingDays} showDay adminUrl={adminUrl} s={s} />
            <p>
              <a href={adminUrl('/collections/course-sessions')}>{s.allSessions}</a>
            </p>
          </section>
        )}
        {drafts && scheduled && (
          <section aria-labelledby="admin-dashboard-drafts">
            <h2 id="admin-dashboard-drafts">{s.drafts}</h2>
            <WorkList
              items={drafts}
              empty={s.noDrafts}
              detail={(item) => s.editedAt(formatDateTime(item.when))}
              adminUrl={adminUrl}
              s={s}
            />
            <h2>{s.scheduled}</h2>
            <WorkList items={scheduled} empty={s.noScheduled} detail={scheduledText} adminUrl={adminUrl} s={s} />
          </section>
        )}
      </div>
    </div>
  )
}
