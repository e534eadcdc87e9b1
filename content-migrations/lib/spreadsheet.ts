import fs from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'

/** One data row as an editor sees it: `line` is the row number in the spreadsheet (the header is row 1). */
export type SheetRow = { line: number; values: Record<string, string> }

export class SpreadsheetError extends Error {
  override name = 'SpreadsheetError'
}

/** Reads the first sheet of an .xlsx file or a UTF-8 .csv file into rows keyed by the header row. */
export async function readSpreadsheet(file: string): Promise<SheetRow[]> {
  const ext = path.extname(file).toLowerCase()
  if (ext === '.csv') return readCsv(await fs.readFile(file, 'utf8'))
  if (ext === '.xlsx') return readXlsx(await fs.readFile(file))
  throw new SpreadsheetError(`不支持的文件类型“${ext || '无扩展名'}”：请使用 .xlsx 或 .csv（UTF-8）文件`)
}

export function readCsv(content: string): SheetRow[] {
  let records: string[][]
  try {
    records = parse(content.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false })
  } catch (error) {
    throw new SpreadsheetError(`CSV 文件格式有误：${(error as Error).message}`)
  }
  return toRows(records)
}

async function readXlsx(buffer: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  } catch {
    throw new SpreadsheetError('无法读取 Excel 文件：文件可能已损坏，或不是 .xlsx 格式')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new SpreadsheetError('Excel 文件中没有工作表')
  const records: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.text ?? ''
    })
    records[rowNumber - 1] = Array.from(cells, (c) => c ?? '')
  })
  return toRows(Array.from(records, (r) => r ?? []))
}

function toRows(records: string[][]): SheetRow[] {
  const [header, ...body] = records
  if (!header?.some((h) => h.trim())) throw new SpreadsheetError('文件第 1 行应为表头，但它是空的')
  const names = header.map((h) => h.trim())
  return body
    .map((cells, i) => ({
      line: i + 2,
      values: Object.fromEntries(names.map((name, col) => [name, (cells[col] ?? '').trim()])),
    }))
    .filter((row) => Object.values(row.values).some(Boolean))
}
