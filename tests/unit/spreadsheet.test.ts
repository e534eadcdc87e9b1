import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseRows, splitList } from '../../content-migrations/importers/rows.ts'
import { readCsv, SpreadsheetError } from '../../content-migrations/lib/spreadsheet.ts'

describe('readCsv', () => {
  it('numbers rows as a spreadsheet shows them, counting quoted multi-line cells as one row', () => {
    const rows = readCsv('\uFEFF编号,大纲\nA-1,"第一点\n第二点"\n\nA-2,x\n')
    expect(rows).toEqual([
      { line: 2, values: { 编号: 'A-1', 大纲: '第一点\n第二点' } },
      { line: 4, values: { 编号: 'A-2', 大纲: 'x' } },
    ])
  })
  it('rejects a malformed file with a readable message', () => {
    expect(() => readCsv('a,b\n"unterminated,1\n')).toThrow(SpreadsheetError)
    expect(() => readCsv('\n\n')).toThrow('第 1 行应为表头')
  })
})

describe('parseRows', () => {
  const columns = { code: ['编号', 'code'], count: ['数量'] } as const
  const schema = z.object({ code: z.string().min(1, '不能为空'), count: z.coerce.number({ message: '应为数字' }) })
  const sheet = readCsv('编号,数量\nA,1\n,2\nB,x\nA,3\n')

  it('reports each bad row with its line, column and reason, and repeated keys', () => {
    const { rows, errors } = parseRows(sheet, columns, schema, (r) => r.code, ['code'])
    expect(rows.map((r) => r.row)).toEqual([{ code: 'A', count: 1 }])
    expect(errors).toEqual([
      { line: 3, message: '编号：不能为空' },
      { line: 4, message: '数量：应为数字' },
      { line: 5, message: '“A”与第 2 行重复' },
    ])
  })
  it('accepts alternative header names and reports missing required columns on line 1', () => {
    expect(parseRows(readCsv('code,数量\nA,1\n'), columns, schema, (r) => r.code, ['code']).rows).toHaveLength(1)
    expect(parseRows(readCsv('名称,数量\nA,1\n'), columns, schema, (r) => r.code, ['code']).errors).toEqual([
      { line: 1, message: '表头缺少列：“编号”' },
    ])
  })
  it('splits lists on Chinese and latin separators', () => {
    expect(splitList('王芳、李静,张伟；陈红 / 周敏')).toEqual(['王芳', '李静', '张伟', '陈红', '周敏'])
  })
})
