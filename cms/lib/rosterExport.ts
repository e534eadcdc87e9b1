import ExcelJS from 'exceljs'

/** A roster export's columns: the row field and its Chinese header. */
export type RosterColumns<Row> = (readonly [keyof Row, string])[]

/** CSV with a BOM, so Excel on Windows opens the Chinese correctly; cells are quoted and formula-safe. */
export function rosterTableCsv<Row>(
  columns: RosterColumns<Row>,
  rows: Row[],
  cell: (row: Row, key: keyof Row) => unknown,
): string {
  const quote = (value: unknown) => {
    const text = String(value).replace(/^[=+\-@]/, "'$&")
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  const lines = [columns.map(([, label]) => label), ...rows.map((r) => columns.map(([key]) => cell(r, key)))]
  return `\uFEFF${lines.map((line) => line.map(quote).join(',')).join('\r\n')}\r\n`
}

/** One sheet: the title line, the headers, one line per row. */
export async function rosterTableXlsx<Row>(
  sheetName: string,
  title: string,
  columns: RosterColumns<Row>,
  rows: Row[],
  cell: (row: Row, key: keyof Row) => unknown,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(sheetName)
  sheet.addRow([title])
  sheet.addRow(columns.map(([, label]) => label))
  for (const row of rows) sheet.addRow(columns.map(([key]) => cell(row, key)))
  sheet.columns.forEach((column) => {
    column.width = 16
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
