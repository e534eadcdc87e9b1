import type { Payload } from 'payload'
import { z } from 'zod'
import { holidaySessionCodePattern } from '../../cms/collections/HolidaySessions/index.ts'
import { type Street, streets } from '../../common/district.ts'
import { type ChildGrade, childGrades } from '../../common/household/grades.ts'
import type { SheetRow } from '../lib/spreadsheet.ts'
import type { ImportResult } from './result.ts'
import { type Columns, parseRows, type RowError, splitList } from './rows.ts'
import { sameAs, upsertByKey } from './upsert.ts'

const columns = {
  code: ['场次编号', '编号', 'code'],
  title: ['活动名称', '名称', 'title'],
  wave: ['报名批次', '批次', 'wave'],
  summary: ['活动简介', '简介', 'summary'],
  street: ['街道', 'street'],
  community: ['社区', 'community'],
  address: ['详细地址', '地址', 'address'],
  dates: ['活动日期', '日期', 'dates'],
  time: ['活动时间', '时间', 'time'],
  grades: ['适合年级', '年级', 'grades'],
  capacity: ['名额', 'capacity'],
  waitlistSize: ['候补名额', 'waitlist'],
  price: ['费用（元）', '费用', 'price'],
  bring: ['携带物品', 'bring'],
  contactName: ['联系人', 'contact'],
  contactPhone: ['联系电话', 'phone'],
} as const satisfies Columns<string>

const DATE = /^\d{4}-\d{2}-\d{2}$/
const DAY_MS = 86_400_000
const validDate = (v: string) => DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)

/** "2026-01-26至2026-01-30" (every day of the range) or "2026-01-26、2026-01-28" (those days). */
export function parseDates(cell: string): string[] | string {
  const dates: string[] = []
  for (const token of splitList(cell)) {
    const [from, to, ...rest] = token.split(/\s*(?:至|~|～|到)\s*/)
    if (!from || rest.length || !validDate(from) || (to !== undefined && !validDate(to))) {
      return `“${token}”不是有效日期，格式如 2026-01-26 或 2026-01-26至2026-01-30`
    }
    const end = to ?? from
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += DAY_MS) {
      dates.push(new Date(t).toISOString().slice(0, 10))
      if (dates.length > 31) return '一期活动最多 31 天'
    }
  }
  if (!dates.length) return '不能为空'
  return [...new Set(dates)].sort()
}

const withoutIds = (days: unknown) =>
  Array.isArray(days) ? days.map(({ date, startTime, endTime }) => ({ date, startTime, endTime })) : days

const gradeNames = childGrades.join('、')
const grade = (v: string) => childGrades.find((g) => g === v.trim())

const rowSchema = z.object({
  code: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(holidaySessionCodePattern, '格式应如 WY26W-001')),
  title: z.string().min(2, '不能为空').max(60, '不能超过 60 个字'),
  wave: z.string().min(1, '不能为空'),
  summary: z.string().max(600, '不能超过 600 个字'),
  street: z
    .string()
    .refine((v) => (streets as readonly string[]).includes(v), `应为以下街道之一：${streets.join('、')}`),
  community: z.string().max(40, '不能超过 40 个字'),
  address: z.string().max(120, '不能超过 120 个字'),
  dates: z.string().transform((v, ctx) => {
    const dates = parseDates(v)
    if (typeof dates === 'string') ctx.addIssue({ code: 'custom', message: dates })
    return typeof dates === 'string' ? [] : dates
  }),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d\s*[-–~～至]\s*([01]\d|2[0-3]):[0-5]\d$/, '格式应如 09:00-11:30')
    .transform((v) => v.split(/\s*[-–~～至]\s*/) as [string, string])
    .refine(([start, end]) => end > start, '结束时间应晚于开始时间'),
  grades: z.string().transform((v, ctx) => {
    const [from, to = from] = v.split(/\s*(?:至|-|~|～|到)\s*/)
    const range = { from: grade(from ?? ''), to: grade(to ?? '') }
    if (!range.from || !range.to || childGrades.indexOf(range.from) > childGrades.indexOf(range.to)) {
      ctx.addIssue({ code: 'custom', message: `格式应如“一年级-三年级”（可选：${gradeNames}）` })
    }
    return range as { from: ChildGrade; to: ChildGrade }
  }),
  capacity: z.coerce
    .number({ message: '应为人数，如 30' })
    .int('应为整数')
    .min(1, '至少 1 人')
    .max(500, '不能超过 500 人'),
  waitlistSize: z.coerce.number({ message: '应为人数' }).int('应为整数').min(0).max(500, '不能超过 500 人'),
  price: z.coerce.number({ message: '应为金额，如 0' }).min(0, '不能为负数'),
  bring: z.string().max(300, '不能超过 300 个字'),
  contactName: z.string().max(20, '不能超过 20 个字'),
  contactPhone: z.string().max(20, '不能超过 20 个字'),
})

/**
 * Imports holiday sessions, matched by their code (re-running changes nothing). The wave is named by its name and
 * must exist already (staff create the programme and its waves in the admin first).
 */
export async function importHolidaySessions(
  payload: Payload,
  sheet: SheetRow[],
  dryRun: boolean,
): Promise<ImportResult> {
  const parsed = parseRows(sheet, columns, rowSchema, (r) => r.code, [
    'code',
    'title',
    'wave',
    'street',
    'dates',
    'time',
    'grades',
    'capacity',
  ])
  const waves = await payload.find({
    collection: 'holiday-waves',
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const errors: RowError[] = [...parsed.errors]
  const items = parsed.rows.flatMap(({ line, row }) => {
    const matching = waves.docs.filter((w) => w.name === row.wave || String(w.id) === row.wave)
    if (matching.length !== 1) {
      const known = waves.docs.map((w) => w.name).join('、') || '无'
      errors.push({
        line,
        message: matching.length
          ? `报名批次：有多个“${row.wave}”，请改用批次编号`
          : `报名批次：未找到“${row.wave}”（现有批次：${known}），请先在后台创建`,
      })
      return []
    }
    const [startTime, endTime] = row.time
    return [
      {
        line,
        key: row.code,
        data: {
          code: row.code,
          title: row.title,
          wave: matching[0]?.id,
          summary: row.summary || null,
          venue: { street: row.street as Street, community: row.community || null, address: row.address || null },
          days: row.dates.map((date) => ({ date, startTime, endTime })),
          gradeFrom: row.grades.from,
          gradeTo: row.grades.to,
          capacity: row.capacity,
          waitlistSize: row.waitlistSize,
          price: row.price,
          bring: row.bring || null,
          contact: { name: row.contactName || null, phone: row.contactPhone || null },
        },
      },
    ]
  })
  if (errors.length) return { errors: errors.sort((a, b) => a.line - b.line), total: sheet.length }
  const counts = await upsertByKey(payload, {
    collection: 'holiday-sessions',
    keyField: 'code',
    items,
    dryRun,
    label: '导入假期活动场次',
    // Stored days carry row ids the spreadsheet does not have.
    same: (existing, data) => sameAs({ ...existing, days: withoutIds(existing.days) }, data),
  })
  return { errors: [], total: sheet.length, ...counts }
}
