import type { Payload } from 'payload'
import { z } from 'zod'
import type { LecturerTeam } from '../../common/catalogue.ts'
import type { SheetRow } from '../lib/spreadsheet.ts'
import type { ImportResult } from './result.ts'
import { type Columns, parseRows, splitList } from './rows.ts'
import { upsertByKey } from './upsert.ts'

const columns = {
  code: ['编号', '讲师编号', 'code'],
  name: ['姓名', 'name'],
  team: ['团队', '所属团队', 'team'],
  title: ['职称', 'title'],
  organisation: ['工作单位', '单位', 'organisation'],
  expertise: ['擅长领域', 'expertise'],
  bio: ['简介', 'bio'],
} as const satisfies Columns<string>

const teams: Record<string, LecturerTeam> = {
  讲师团: 'lecturer-team',
  福家智库: 'think-tank',
  智库: 'think-tank',
  智库专家: 'think-tank',
}

const rowSchema = z.object({
  code: z
    .string()
    .min(1, '不能为空')
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{1,4}-\d{1,4}$/, '格式应如 JS-001')),
  name: z.string().min(1, '不能为空').max(20, '不能超过 20 个字'),
  team: z.string().refine((v) => v in teams, '应为“讲师团”或“福家智库”'),
  title: z.string().max(40, '不能超过 40 个字'),
  organisation: z.string().max(60, '不能超过 60 个字'),
  expertise: z.string().transform(splitList),
  bio: z.string().max(600, '不能超过 600 个字'),
})

export async function importLecturers(payload: Payload, sheet: SheetRow[], dryRun: boolean): Promise<ImportResult> {
  const { rows, errors } = parseRows(sheet, columns, rowSchema, (r) => r.code, ['code', 'name', 'team'])
  if (errors.length) return { errors, total: sheet.length }
  const counts = await upsertByKey(payload, {
    collection: 'lecturers',
    keyField: 'code',
    dryRun,
    label: '导入讲师',
    items: rows.map(({ line, row }) => ({
      line,
      key: row.code,
      data: { ...row, team: teams[row.team] },
    })),
  })
  return { errors: [], total: sheet.length, ...counts }
}
