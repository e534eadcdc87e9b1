import type { AdminViewServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import { formatDateTime } from '../../../common/dates.ts'
import { compareReports } from '../../impact/format.ts'
import { reportOf } from '../../impact/service.ts'
import { Frame, NoAccess, plainSearch, scopeOf } from './Frame.tsx'
import { PrintButton } from './PrintButton.tsx'
import { ReportBody } from './ReportBody.tsx'

/**
 * A frozen report (/admin/impact/report/:id): the snapshot's own numbers, its time, the XLSX download, the browser's
 * print (PDF), and a comparison with another snapshot of the same period.
 */
export async function ImpactReportView(props: AdminViewServerProps) {
  const { payload } = props.initPageResult.req
  if (!scopeOf(props).allowed)
    return (
      <Frame props={props}>
        <NoAccess />
      </Frame>
    )
  const adminUrl = (path: `/${string}`) => formatAdminURL({ adminRoute: payload.config.routes.admin, path })
  const segments = props.params?.segments
  const id = String(Array.isArray(segments) ? segments.at(-1) : '')
  const doc = await payload.findByID({ collection: 'impact-reports', id, depth: 1 }).catch(() => null)
  if (!doc)
    return (
      <Frame props={props}>
        <p>未找到该报告快照。</p>
      </Frame>
    )
  const report = reportOf(doc)
  const others = await payload.find({
    collection: 'impact-reports',
    where: { and: [{ periodKey: { equals: doc.periodKey } }, { id: { not_equals: doc.id } }] },
    sort: '-createdAt',
    limit: 20,
    depth: 0,
    select: { title: true, createdAt: true, figures: true },
  })
  const compareId = plainSearch(props.searchParams).compare
  const other = others.docs.find((d) => String(d.id) === compareId)
  const author = typeof doc.createdBy === 'object' && doc.createdBy ? doc.createdBy.name : ''
  return (
    <Frame props={props}>
      <header className="impact__header">
        <p className="impact__noprint">
          <a href={adminUrl('/impact')}>← 返回数据统计</a>
        </p>
        <h1>{doc.title}</h1>
        <p>
          统计期间：{report.period.label}；
          {report.streets?.length ? `统计范围：${report.streets.join('、')}；` : '统计范围：全区；'}
          数据快照时间：<time dateTime={doc.createdAt}>{formatDateTime(doc.createdAt)}</time>
          {author ? `；生成人：${author}` : ''}。快照生成后数字不再变化。
        </p>
      </header>
      <div className="impact-actions impact__noprint">
        <a className="btn btn--style-primary btn--size-medium" href={`/api/impact-reports/${doc.id}/xlsx`} download>
          下载 XLSX
        </a>
        <PrintButton />
        <a
          className="btn btn--style-secondary btn--size-medium"
          href={adminUrl(`/collections/impact-reports/${doc.id}`)}
        >
          改名或在网站发布
        </a>
      </div>
      {others.docs.length > 0 && (
        <form className="impact-compare impact__noprint" method="get">
          <label>
            与同期的另一份快照比较：
            <select name="compare" defaultValue={compareId ?? ''}>
              <option value="">（选择快照）</option>
              {others.docs.map((d) => (
                <option key={d.id} value={String(d.id)}>
                  {d.title}（{formatDateTime(d.createdAt)}）
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="submit" className="btn btn--style-secondary btn--size-small">
            比较
          </button>
        </form>
      )}
      {other && (
        <section aria-labelledby="impact-compare" className="impact-table">
          <h2 id="impact-compare">与 {formatDateTime(other.createdAt)} 的快照比较</h2>
          <table data-compare>
            <thead>
              <tr>
                <th scope="col">指标</th>
                <th scope="col">{formatDateTime(other.createdAt)}</th>
                <th scope="col">本快照</th>
                <th scope="col">变化</th>
              </tr>
            </thead>
            <tbody>
              {compareReports(reportOf(other), report).map((r) => (
                <tr key={r.key} className={r.changed ? 'impact-compare__changed' : undefined}>
                  <th scope="row">{r.label}</th>
                  <td>{r.before}</td>
                  <td>{r.after}</td>
                  <td>
                    {r.changed
                      ? r.delta !== null
                        ? `${r.delta > 0 ? '+' : ''}${Math.round(r.delta * 1000) / 1000}`
                        : '有变化'
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <ReportBody report={report} collapsible={false} />
    </Frame>
  )
}
