import type { Payload } from 'payload'
import { z } from 'zod'
import { streets } from '../../common/district.ts'
import type { SheetRow } from '../lib/spreadsheet.ts'
import type { ImportResult } from './result.ts'
import { type Columns, parseRows } from './rows.ts'
import { upsertByKey } from './upsert.ts'

const columns = {
  code: ['编码', '社区编码', 'code'],
  name: ['社区', '社区名称', 'name'],
  street: ['街道', '所属街道', 'street'],
} as const satisfies Columns<string>

const rowSchema = z.object({
  code: z
    .string()
    .min(1, '不能为空')
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{1,4}-\d{1,4}$/, '格式应如 FT-01')),
  name: z.string().min(1, '不能为空').max(30, '不能超过 30 个字'),
  street: z.enum(streets, { message: `应为本区街道之一：${streets.join('、')}` }),
})

/**
 * The district's communities per street from a spreadsheet (编码, 社区, 街道), matched by code: re-importing
 * updates names and streets, adds new communities and never removes one (orders keep pointing at them).
 */
export async function importCommunities(payload: Payload, sheet: SheetRow[], dryRun: boolean): Promise<ImportResult> {
  const { rows, errors } = parseRows(sheet, columns, rowSchema, (r) => r.code, ['code', 'name', 'street'])
  if (errors.length) return { errors, total: sheet.length }
  const counts = await upsertByKey(payload, {
    collection: 'communities',
    keyField: 'code',
    dryRun,
    label: '导入社区',
    items: rows.map(({ line, row }) => ({ line, key: row.code, data: row })),
  })
  return { errors: [], total: sheet.length, ...counts }
}
