import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ReportBody } from '../../cms/components/ImpactDashboard/ReportBody.tsx'
import { emptyFacts } from '../../cms/impact/facts.ts'
import { resolvePeriod } from '../../cms/impact/period.ts'
import { buildReport } from '../../cms/impact/report.ts'

const facts = () => {
  const f = emptyFacts()
  f.years = [2026]
  f.sessions = ['福田街道', '华富街道'].map((street, i) => ({
    id: String(i),
    courseId: 'c',
    courseTitle: '亲子沟通',
    category: '亲子关系',
    lecturer: '王老师',
    street,
    community: '岗厦社区',
    startsAt: `2026-0${i + 3}-07T02:00:00Z`,
    endsAt: null,
    capacity: 30,
    status: 'completed',
  }))
  f.bookings = [
    ...Array.from({ length: 9 }, (_, i) => ({
      session: '0',
      status: 'attended',
      attendees: 1,
      wasWaitlisted: false,
      promoted: false,
      household: `a${i}`,
    })),
    { session: '1', status: 'attended', attendees: 2, wasWaitlisted: false, promoted: false, household: 'b' },
  ]
  return f
}

describe('the dashboard and report page markup', () => {
  const report = buildReport(facts(), resolvePeriod({ kind: 'year', year: 2026 }))
  const html = renderToStaticMarkup(createElement(ReportBody, { report, collapsible: false }))

  it('shows each figure with what it counts, and the headline sentence', () => {
    expect(html).toContain('2026年共开展福家大讲堂 2 场，服务家长 11 人次')
    expect(html).toMatch(
      /data-figure="parentVisits"[^>]*><dt>服务家长人次<\/dt><dd class="impact-figure__value">11<\/dd><dd class="impact-figure__note">口径：/,
    )
  })

  it('draws charts as SVG with a title and gives the same numbers as tables, small cells as <5', () => {
    expect(html).toMatch(/<svg class="impact-chart"[^>]*role="img"/)
    expect(html).toContain('<table data-breakdown="street">')
    const street = html.slice(html.indexOf('data-breakdown="street"'), html.indexOf('data-breakdown="community"'))
    expect(street).toContain('<th scope="row">福田街道</th>')
    expect(street).toContain('&lt;5') // 华富街道: 2 parent-visits
    expect(street).toContain('>9<')
  })

  it('says which sources are not counted instead of showing zeros', () => {
    expect(html).toContain('未统计：点单式服务（点单功能尚未启用）')
    expect(html).not.toContain('data-figure="ordersReceived"')
  })
})
