import { barChart, lineChart } from '../../impact/charts.ts'
import {
  type Dimension,
  dimensionLabels,
  dimensions,
  type FigureGroup,
  type FigureKey,
  figureDefinition,
  figureGroupLabels,
  figureKeys,
} from '../../impact/definitions.ts'
import { formatFigure, headlineSentences } from '../../impact/format.ts'
import { figuresFor, type Report } from '../../impact/report.ts'
import { Bars, Line } from './Charts.tsx'

const groups = Object.keys(figureGroupLabels) as FigureGroup[]
const missingSource = (report: Report, key: FigureKey) => {
  const source = figureDefinition(key).source
  return Boolean(source && !report.sources[source])
}

/** One figure: its name, its value and what it counts, always together. */
function Figure({ report, figure }: { report: Report; figure: FigureKey }) {
  const def = figureDefinition(figure)
  return (
    <div className="impact-figure" data-figure={figure}>
      <dt>{def.label}</dt>
      <dd className="impact-figure__value">{formatFigure(figure, report.totals[figure])}</dd>
      <dd className="impact-figure__note">口径：{def.note}</dd>
    </div>
  )
}

function BreakdownTable({ report, dim }: { report: Report; dim: Dimension }) {
  const keys = figuresFor(dim).filter((k) => !missingSource(report, k))
  const rows = report.breakdowns[dim]
  if (!rows.length) return <p className="impact__empty">本期没有可按{dimensionLabels[dim]}统计的记录。</p>
  return (
    <section className="impact-table" aria-label={`按${dimensionLabels[dim]}统计`}>
      <table data-breakdown={dim}>
        <caption>
          按{dimensionLabels[dim]}统计（{report.period.label}）
        </caption>
        <thead>
          <tr>
            <th scope="col">{dimensionLabels[dim]}</th>
            {keys.map((k) => (
              <th scope="col" key={k} title={figureDefinition(k).note}>
                {figureDefinition(k).label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {keys.map((k) => (
                <td key={k} data-figure={k}>
                  {formatFigure(k, row.values[k], true)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** A breakdown under its heading; on the dashboard folded (street open), on the printed report all shown. */
function Section({ dim, collapsible, children }: { dim: Dimension; collapsible: boolean; children: React.ReactNode }) {
  return collapsible ? (
    <details className="impact-breakdown" open={dim === 'street'}>
      <summary>按{dimensionLabels[dim]}</summary>
      {children}
    </details>
  ) : (
    <section className="impact-breakdown">
      <h3>按{dimensionLabels[dim]}</h3>
      {children}
    </section>
  )
}

const visitsOf = (values: Report['totals']) => (values.parentVisits ?? 0) + (values.childVisits ?? 0)

/**
 * A report as staff read it: headline sentences, every figure with its definition, charts (with the same numbers as
 * tables), breakdowns and the most-read pages. The dashboard shows the current figures with it; a snapshot's page
 * shows the frozen ones, so both read the same way.
 */
export function ReportBody({ report, collapsible }: { report: Report; collapsible: boolean }) {
  const streets = report.breakdowns.street.map((r) => ({ label: r.label, value: visitsOf(r.values) }))
  const months = report.breakdowns.month.map((r) => ({
    label: `${Number(r.key.slice(5))}月`,
    value: visitsOf(r.values),
  }))
  return (
    <div className="impact-report">
      <section aria-labelledby="impact-headline">
        <h2 id="impact-headline">主要数字</h2>
        <div className="impact-headline">
          {headlineSentences(report).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      </section>
      {groups.map((group) => {
        const keys = figureKeys.filter((k) => figureDefinition(k).group === group && !missingSource(report, k))
        if (!keys.length) return null
        return (
          <section key={group} aria-labelledby={`impact-${group}`}>
            <h2 id={`impact-${group}`}>{figureGroupLabels[group]}</h2>
            <dl className="impact-figures">
              {keys.map((k) => (
                <Figure key={k} report={report} figure={k} />
              ))}
            </dl>
          </section>
        )
      })}
      {(['orders', 'ratings', 'holiday'] as const).some((s) => !report.sources[s]) && (
        <p className="impact__note">
          未统计：
          {[
            !report.sources.orders && '点单式服务（点单功能尚未启用）',
            !report.sources.ratings && '课程评分（评价功能尚未启用）',
            !report.sources.holiday && '无忧假期（活动功能尚未启用）',
          ]
            .filter(Boolean)
            .join('；')}
          。
        </p>
      )}
      <section aria-labelledby="impact-charts">
        <h2 id="impact-charts">图表</h2>
        <div className="impact-charts">
          <figure>
            <figcaption>各街道服务人次（家长 + 儿童）</figcaption>
            <Bars chart={barChart(streets)} title="各街道服务人次柱状图，数字见“按街道”表格" />
          </figure>
          <figure>
            <figcaption>各月服务人次（家长 + 儿童）</figcaption>
            <Line chart={lineChart(months)} title="各月服务人次折线图，数字见“按月份”表格" />
          </figure>
        </div>
      </section>
      <section aria-labelledby="impact-breakdowns">
        <h2 id="impact-breakdowns">分组统计</h2>
        <p className="impact__note">涉及人数或家庭数且少于 5 的格子显示为“&lt;5”，以免识别到具体家庭。</p>
        {dimensions.map((dim) => (
          <Section key={dim} dim={dim} collapsible={collapsible}>
            <BreakdownTable report={report} dim={dim} />
          </Section>
        ))}
      </section>
      <section aria-labelledby="impact-reading">
        <h2 id="impact-reading">阅读最多的页面</h2>
        <p className="impact__note">
          网站服务器按页面、按天计数：不使用 Cookie 和脚本，不记录访客地址或设备信息，不计搜索引擎等机器访问。
        </p>
        <div className="impact-charts">
          {(
            [
              ['文章', report.reading.articles],
              ['最美家庭', report.reading.families],
            ] as const
          ).map(([kind, rows]) => (
            <div key={kind} className="impact-table">
              <table data-reading={kind}>
                <caption>{kind}</caption>
                <thead>
                  <tr>
                    <th scope="col">页面</th>
                    <th scope="col">浏览次数</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.length ? (
                    rows.map((r) => (
                      <tr key={r.path}>
                        <th scope="row">
                          <a href={r.path}>{r.title}</a>
                        </th>
                        <td>{r.views.toLocaleString('zh-CN')}</td>
                      </tr>
                    ))
                  ) : (
                    <tr>
                      <td colSpan={2}>本期暂无浏览记录。</td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      </section>
    </div>
  )
}
