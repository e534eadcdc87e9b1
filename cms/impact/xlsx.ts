import ExcelJS from 'exceljs'
import { formatDateTime } from '../../common/dates.ts'
import {
  type Dimension,
  dimensionLabels,
  dimensions,
  figureDefinition,
  figureGroupLabels,
  figureKeys,
} from './definitions.ts'
import { cellValue, headlineSentences } from './format.ts'
import { figuresFor, type Report } from './report.ts'

/** Text cells never start a formula (a community or course name typed as "=…"). */
const safe = (value: string) => value.replace(/^[=+\-@]/, "'$&")

const numberFormat = (key: (typeof figureKeys)[number]) => {
  const unit = figureDefinition(key).unit
  return unit === 'share' ? '0.0%' : unit === 'days' ? '0.0' : unit === 'score' ? '0.00' : '#,##0'
}

/** Column widths counted in Chinese characters (each about two Latin widths). */
const widthOf = (text: string) =>
  Math.min(
    40,
    Math.max(
      10,
      [...text].reduce((n, c) => n + (c.charCodeAt(0) > 255 ? 2 : 1), 2),
    ),
  )

/**
 * The annual report workbook of one snapshot: a summary sheet (headline sentences and every figure with its
 * definition), one sheet per breakdown, the most-read pages, and a definitions sheet (口径). Values are the
 * snapshot's own, rounded as shown; small cells of people or households read "<5".
 */
export async function reportWorkbook(report: Report, meta: { title: string; createdAt: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.created = new Date(meta.createdAt)
  const bold = { bold: true }

  const summary = workbook.addWorksheet('总览')
  summary.addRow([safe(meta.title)]).font = { bold: true, size: 14 }
  summary.addRow([`统计期间：${report.period.label}`])
  summary.addRow([`数据快照时间：${formatDateTime(meta.createdAt)}（快照生成后数字不再变化）`])
  if (report.streets) summary.addRow([`统计范围：${report.streets.join('、')}`])
  summary.addRow([])
  for (const line of headlineSentences(report)) summary.addRow([line])
  summary.addRow([])
  summary.addRow(['类别', '指标', '数值', '口径说明']).font = bold
  for (const key of figureKeys) {
    const def = figureDefinition(key)
    const row = summary.addRow([
      figureGroupLabels[def.group],
      def.label,
      cellValue(key, report.totals[key]) ?? '—',
      def.note,
    ])
    row.getCell(3).numFmt = numberFormat(key)
  }
  summary.getColumn(1).width = 16
  summary.getColumn(2).width = 24
  summary.getColumn(3).width = 14
  summary.getColumn(4).width = 80

  for (const dim of dimensions) addBreakdown(workbook, report, dim)

  const reading = workbook.addWorksheet('阅读量')
  reading.addRow(['类型', '页面', '网址', '浏览次数']).font = bold
  for (const [kind, rows] of [
    ['文章', report.reading.articles],
    ['最美家庭', report.reading.families],
  ] as const)
    for (const r of rows) reading.addRow([kind, safe(r.title), r.path, r.views])
  reading.addRow([])
  reading.addRow([
    '浏览次数由网站服务器按页面、按天计数，不使用 Cookie 和脚本，不记录访客地址或设备信息，不计搜索引擎等机器访问。',
  ])
  reading.columns.forEach((c, i) => {
    c.width = [10, 40, 36, 12][i] ?? 12
  })

  const definitions = workbook.addWorksheet('指标口径')
  definitions.addRow(['类别', '指标', '口径说明', '适用分组']).font = bold
  for (const key of figureKeys) {
    const def = figureDefinition(key)
    definitions.addRow([
      figureGroupLabels[def.group],
      def.label,
      def.note,
      def.dims.map((d) => dimensionLabels[d]).join('、'),
    ])
  }
  definitions.addRow([])
  definitions.addRow([
    '',
    '“<5”',
    '分组中涉及人数或家庭数且少于 5 的格子显示为“<5”，以免识别到具体家庭；合计行显示实际数。',
    '',
  ])
  definitions.getColumn(1).width = 16
  definitions.getColumn(2).width = 24
  definitions.getColumn(3).width = 90
  definitions.getColumn(4).width = 40

  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function addBreakdown(workbook: ExcelJS.Workbook, report: Report, dim: Dimension) {
  const sheet = workbook.addWorksheet(`按${dimensionLabels[dim]}`)
  const keys = figuresFor(dim)
  const header = sheet.addRow([dimensionLabels[dim], ...keys.map((k) => figureDefinition(k).label)])
  header.font = { bold: true }
  for (const row of report.breakdowns[dim]) {
    const added = sheet.addRow([safe(row.label), ...keys.map((k) => cellValue(k, row.values[k], true) ?? '—')])
    keys.forEach((k, i) => {
      added.getCell(i + 2).numFmt = numberFormat(k)
    })
  }
  sheet.getColumn(1).width = dim === 'course' || dim === 'community' ? 28 : 14
  keys.forEach((k, i) => {
    sheet.getColumn(i + 2).width = widthOf(figureDefinition(k).label)
  })
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }]
}
