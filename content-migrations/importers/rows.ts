import type { z } from 'zod'
import type { SheetRow } from '../lib/spreadsheet.ts'

export type RowError = { line: number; message: string }

/** Which spreadsheet headers feed which field: the first name is the one shown in messages. */
export type Columns<Field extends string> = Record<Field, readonly [string, ...string[]]>

/** Splits a cell holding several values ("王芳、李静" or "0-3岁、3-6岁"). */
export const splitList = (value: string): string[] =>
  value
    .split(/[、,，;；/\n]+/)
    .map((v) => v.trim())
    .filter(Boolean)

/**
 * Maps each row's cells to fields by header name and validates them with the row schema. Every problem is
 * reported with its spreadsheet row number; rows repeating an identity key are errors too.
 */
export function parseRows<Field extends string, Row>(
  rows: SheetRow[],
  columns: Columns<Field>,
  schema: z.ZodType<Row>,
  key: (row: Row) => string,
  requiredColumns: Field[],
): { rows: { line: number; row: Row }[]; errors: RowError[] } {
  const errors: RowError[] = []
  const headers = new Set(Object.keys(rows[0]?.values ?? {}))
  const headerFor = (field: Field) => columns[field].find((name) => headers.has(name))
  const missing = requiredColumns.filter((f) => rows.length && !headerFor(f)).map((f) => `“${columns[f][0]}”`)
  if (missing.length) return { rows: [], errors: [{ line: 1, message: `表头缺少列：${missing.join('、')}` }] }

  const parsed: { line: number; row: Row }[] = []
  const firstLine = new Map<string, number>()
  for (const { line, values } of rows) {
    const input = Object.fromEntries(
      (Object.keys(columns) as Field[]).map((field) => {
        const header = headerFor(field)
        return [field, header ? (values[header] ?? '') : '']
      }),
    )
    const result = schema.safeParse(input)
    if (!result.success) {
      const messages = result.error.issues.map((issue) => {
        const field = issue.path[0] as Field | undefined
        return field && columns[field] ? `${columns[field][0]}：${issue.message}` : issue.message
      })
      errors.push({ line, message: messages.join('；') })
      continue
    }
    const id = key(result.data)
    const earlier = firstLine.get(id)
    if (earlier) {
      errors.push({ line, message: `“${id}”与第 ${earlier} 行重复` })
      continue
    }
    firstLine.set(id, line)
    parsed.push({ line, row: result.data })
  }
  return { rows: parsed, errors }
}
