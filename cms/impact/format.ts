import { type FigureKey, figureDefinition } from './definitions.ts'
import type { Report } from './report.ts'

/** Cells of people or households below this are shown as "<5" in breakdowns (never in totals). */
export const SMALL_CELL = 5

/** A figure as the dashboard, the XLSX, the printed report and /data/ show it. */
export function formatFigure(key: FigureKey, value: number | null | undefined, inCell = false): string {
  if (value === null || value === undefined) return '—'
  const def = figureDefinition(key)
  if (inCell && def.identifying && value > 0 && value < SMALL_CELL) return `<${SMALL_CELL}`
  switch (def.unit) {
    case 'share':
      return `${(value * 100).toFixed(1)}%`
    case 'days':
      return `${value.toFixed(1)} 天`
    case 'score':
      return value.toFixed(2)
    default:
      return value.toLocaleString('zh-CN')
  }
}

/** The numeric value an XLSX cell holds, rounded as it is shown; a suppressed cell is the text "<5". */
export function cellValue(key: FigureKey, value: number | null | undefined, inCell = false): number | string | null {
  if (value === null || value === undefined) return null
  const def = figureDefinition(key)
  if (inCell && def.identifying && value > 0 && value < SMALL_CELL) return `<${SMALL_CELL}`
  if (def.unit === 'share') return Math.round(value * 1000) / 1000
  if (def.unit === 'days') return Math.round(value * 10) / 10
  if (def.unit === 'score') return Math.round(value * 100) / 100
  return value
}

const n = (report: Pick<Report, 'totals'>, key: FigureKey) => formatFigure(key, report.totals[key])

/** The report's headline sentences, in the style of the federation's work reports. */
export function headlineSentences(report: Pick<Report, 'period' | 'totals' | 'sources'>): string[] {
  const p = report.period.label
  const t = report.totals
  const lines = [
    `${p}共开展福家大讲堂 ${n(report, 'lectureSessionsHeld')} 场，服务家长 ${n(report, 'parentVisits')} 人次，覆盖 ${n(report, 'lectureHouseholds')} 户家庭、${n(report, 'communitiesReached')} 个社区（全区共 ${n(report, 'communitiesTotal')} 个社区）。`,
    `到课率 ${n(report, 'attendanceRate')}，名额使用率 ${n(report, 'occupancy')}，候补转正率 ${n(report, 'waitlistConversion')}${t.averageRating != null ? `，课程平均评分 ${n(report, 'averageRating')} 分` : ''}。`,
  ]
  if (report.sources.orders)
    lines.push(
      `收到点单 ${n(report, 'ordersReceived')} 单，已排期 ${n(report, 'ordersScheduled')} 单，已开展 ${n(report, 'ordersHeld')} 单，首次答复用时中位数 ${n(report, 'medianDaysToFirstResponse')}。`,
    )
  if (report.sources.holiday)
    lines.push(
      `无忧假期开展 ${n(report, 'holidaySessionsHeld')} 场，服务儿童 ${n(report, 'childVisits')} 人次，覆盖 ${n(report, 'holidayHouseholds')} 户家庭。`,
    )
  lines.push(
    `发布文章 ${n(report, 'articlesPublished')} 篇，其中原创占 ${n(report, 'originalShare')}；表彰最美家庭：国家级 ${n(report, 'familiesNational')} 户、省级 ${n(report, 'familiesProvincial')} 户、市级 ${n(report, 'familiesMunicipal')} 户、区级 ${n(report, 'familiesDistrict')} 户。`,
  )
  return lines
}

/** Figures of two snapshots side by side, with the change (for "later snapshots can be compared"). */
export function compareReports(before: Report, after: Report) {
  return (Object.keys(after.totals) as FigureKey[]).map((key) => {
    const a = before.totals[key] ?? null
    const b = after.totals[key] ?? null
    return {
      key,
      label: figureDefinition(key).label,
      before: formatFigure(key, a),
      after: formatFigure(key, b),
      changed: a !== b,
      delta: a !== null && b !== null ? b - a : null,
    }
  })
}
