import type { Payload } from 'payload'
import { z } from 'zod'
import { courseCodePattern } from '../../cms/collections/Courses/index.ts'
import { type AgeBand, ageBands, type CourseFormat } from '../../common/catalogue.ts'
import { blocksToLexical } from '../lib/lexical.ts'
import type { SheetRow } from '../lib/spreadsheet.ts'
import type { ImportResult } from './result.ts'
import { type Columns, parseRows, type RowError, splitList } from './rows.ts'
import { upsertByKey } from './upsert.ts'

const columns = {
  code: ['课程编号', '编号', 'code'],
  title: ['课程名称', '名称', 'title'],
  category: ['课程类别', '类别', 'category'],
  audience: ['适用年龄段', '适用对象', 'audience'],
  format: ['授课形式', '形式', 'format'],
  durationMinutes: ['时长（分钟）', '时长(分钟)', '时长', 'duration'],
  summary: ['课程简介', '简介', 'summary'],
  outline: ['课程大纲', '大纲', 'outline'],
  lecturers: ['授课讲师', '讲师', 'lecturers'],
} as const satisfies Columns<string>

/** "0-3岁", "0～3岁" and "0–3" all mean the 0-3 band. */
const ageBandOf = (token: string): AgeBand | undefined => {
  if (token === '全体家长' || token === '全部') return 'all'
  const normal = token.replace(/[岁\s]/g, '').replace(/[～~–—至]/g, '-')
  return ageBands.find((b) => b.value === normal)?.value
}
const formats: Record<string, CourseFormat> = { 线下: 'offline', 线上: 'online', offline: 'offline', online: 'online' }
const ageBandNames = ageBands.map((b) => b.label.zh).join('、')

const rowSchema = z.object({
  code: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(courseCodePattern, '格式应如 FJ-001')),
  title: z.string().min(2, '不能为空').max(60, '不能超过 60 个字'),
  category: z.string().min(1, '不能为空'),
  audience: z
    .string()
    .transform(splitList)
    .pipe(z.array(z.string()).min(1, '不能为空'))
    .transform((tokens, ctx) =>
      tokens.map((token) => {
        const band = ageBandOf(token)
        if (!band) ctx.addIssue({ code: 'custom', message: `“${token}”不是有效的年龄段（可选：${ageBandNames}）` })
        return band as AgeBand
      }),
    ),
  format: z.string().refine((v) => v in formats, '应为“线下”或“线上”'),
  durationMinutes: z.coerce
    .number({ message: '应为分钟数，如 90' })
    .int('应为整数分钟')
    .min(15, '不能少于 15 分钟')
    .max(480, '不能超过 480 分钟'),
  summary: z.string().min(1, '不能为空').max(300, '不能超过 300 个字'),
  outline: z.string().transform((v) =>
    v
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
  lecturers: z.string().transform(splitList),
})

type Lookup = Map<string, (number | string)[]>

async function lookups(payload: Payload) {
  const [categories, lecturers] = await Promise.all([
    payload.find({ collection: 'course-categories', limit: 0, pagination: false, depth: 0, overrideAccess: true }),
    payload.find({ collection: 'lecturers', limit: 0, pagination: false, depth: 0, overrideAccess: true }),
  ])
  const byName: Lookup = new Map()
  for (const l of lecturers.docs) {
    byName.set(l.code, [l.id])
    byName.set(l.name, [...(byName.get(l.name) ?? []), l.id])
  }
  const categoryByName = new Map(
    categories.docs.flatMap((c) => [[c.name, c.id] as const, [c.slug ?? '', c.id] as const]),
  )
  return { byName, categoryByName, categoryNames: categories.docs.map((c) => c.name).join('、') }
}

/** Imports the course catalogue; categories and lecturers must exist already (import the roster first). */
export async function importCourses(
  payload: Payload,
  sheet: SheetRow[],
  opts: { dryRun: boolean; asDraft?: boolean },
): Promise<ImportResult> {
  const parsed = parseRows(sheet, columns, rowSchema, (r) => r.code, [
    'code',
    'title',
    'category',
    'audience',
    'format',
  ])
  const { byName, categoryByName, categoryNames } = await lookups(payload)
  const errors: RowError[] = [...parsed.errors]
  const items = parsed.rows.flatMap(({ line, row }) => {
    const problems: string[] = []
    const category = categoryByName.get(row.category)
    if (!category) problems.push(`课程类别：未找到“${row.category}”（现有类别：${categoryNames || '无'}）`)
    const lecturerIds = row.lecturers.map((name) => {
      const ids = byName.get(name) ?? []
      if (ids.length === 0) problems.push(`授课讲师：未找到“${name}”，请先导入讲师名单`)
      if (ids.length > 1) problems.push(`授课讲师：有多位“${name}”，请改用讲师编号`)
      return ids[0]
    })
    if (problems.length) {
      errors.push({ line, message: problems.join('；') })
      return []
    }
    const { outline, category: _, lecturers: __, format, ...fields } = row
    return [
      {
        line,
        key: row.code,
        data: {
          ...fields,
          format: formats[format],
          category,
          lecturers: lecturerIds,
          outline: outline.length ? blocksToLexical([{ type: 'ul', items: outline }]) : null,
          _status: opts.asDraft ? 'draft' : 'published',
        },
      },
    ]
  })
  if (errors.length) return { errors: errors.sort((a, b) => a.line - b.line), total: sheet.length }
  const counts = await upsertByKey(payload, {
    collection: 'courses',
    keyField: 'code',
    items,
    dryRun: opts.dryRun,
    label: '导入课程',
  })
  return { errors: [], total: sheet.length, ...counts }
}
