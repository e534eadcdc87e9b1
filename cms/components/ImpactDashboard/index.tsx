import type { AdminViewServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import { formatDateTime } from '../../../common/dates.ts'
import { beijingDay, periodFromSearch } from '../../impact/period.ts'
import { currentReport } from '../../impact/service.ts'
import { Frame, NoAccess, plainSearch, scopeOf } from './Frame.tsx'
import { PeriodPicker } from './PeriodPicker.tsx'
import { ReportBody } from './ReportBody.tsx'
import { SnapshotButton } from './SnapshotButton.tsx'

/**
 * 数据统计 (/admin/impact): the figures of a period (this year by default) with their definitions, broken down and
 * charted, for staff; a street-scoped coordinator sees their streets. 生成报告 freezes them as a snapshot.
 */
export async function ImpactDashboard(props: AdminViewServerProps) {
  const search = plainSearch(props.searchParams)
  const period = periodFromSearch(search)
  const { payload } = props.initPageResult.req
  const adminUrl = (path: `/${string}`) => formatAdminURL({ adminRoute: payload.config.routes.admin, path })
  const thisYear = Number(beijingDay(new Date()).slice(0, 4))
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i)
  const scope = scopeOf(props)
  if (!scope.allowed)
    return (
      <Frame props={props}>
        <NoAccess />
      </Frame>
    )
  const { streets } = scope
  const started = performance.now()
  const report = await currentReport(payload, period, streets)
  const ms = Math.round(performance.now() - started)
  const recent = await payload.find({
    collection: 'impact-reports',
    where: { periodKey: { equals: period.key } },
    sort: '-createdAt',
    limit: 5,
    depth: 0,
    select: { title: true, createdAt: true, published: true },
  })
  const picked: Record<string, string | number> =
    period.kind === 'custom'
      ? { kind: 'custom', start: search.start ?? '', end: search.end ?? '' }
      : {
          ...Object.fromEntries(
            Object.entries(search).filter(([k]) => ['year', 'half', 'quarter', 'month'].includes(k)),
          ),
          kind: period.kind,
          year: search.year ?? period.key.slice(0, 4),
        }
  return (
    <Frame props={props}>
      <header className="impact__header">
        <h1>数据统计 · {period.label}</h1>
        <p>
          {streets ? `统计范围：${streets.join('、')}。` : '统计范围：全区。'}
          数字按下方“口径”从报名、签到、点单、评价、文章和最美家庭记录实时计算（用时 {ms}{' '}
          毫秒）；写报告请先“生成报告”，冻结后的数字不再变化。
        </p>
      </header>
      <PeriodPicker period={period} search={search} years={years} />
      <div className="impact-actions">
        <SnapshotButton period={picked} reportUrl={adminUrl('/impact/report')} />
        {recent.docs.length > 0 && (
          <div>
            <h2 className="impact-actions__title">本期已生成的报告</h2>
            <ul>
              {recent.docs.map((d) => (
                <li key={d.id}>
                  <a href={adminUrl(`/impact/report/${d.id}`)}>{d.title}</a>（{formatDateTime(d.createdAt)}
                  {d.published ? '，已在网站发布' : ''}）
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <ReportBody report={report} collapsible />
    </Frame>
  )
}
