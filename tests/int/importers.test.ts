import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importCourses } from '../../content-migrations/importers/courses.ts'
import { importLecturers } from '../../content-migrations/importers/lecturers.ts'
import { sampleDir } from '../../content-migrations/lib/sampleFiles.ts'
import { readCsv, readSpreadsheet } from '../../content-migrations/lib/spreadsheet.ts'
import { sampleTaxonomy } from '../../content-migrations/migrations/0002-sample-taxonomy.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

let ctx: TestPayload
const lecturersCsv = path.join(sampleDir, 'catalogue/lecturers.csv')
const coursesCsv = path.join(sampleDir, 'catalogue/courses.csv')
const count = async (collection: 'courses' | 'lecturers') =>
  (await ctx.payload.count({ collection, overrideAccess: true })).totalDocs

beforeAll(async () => {
  ctx = await startTestPayload()
  await sampleTaxonomy.up({ payload: ctx.payload, dryRun: false, now: new Date(), log: () => {} })
})
afterAll(() => ctx?.close())

describe('lecturer roster import', () => {
  it('dry run reports what it would create and writes nothing', async () => {
    const result = await importLecturers(ctx.payload, await readSpreadsheet(lecturersCsv), true)
    expect(result).toMatchObject({ errors: [], total: 52, created: 52 })
    expect(await count('lecturers')).toBe(0)
  })

  it('imports 36 lecturers and 16 think-tank experts, then re-import changes nothing', async () => {
    const rows = await readSpreadsheet(lecturersCsv)
    expect(await importLecturers(ctx.payload, rows, false)).toMatchObject({ created: 52, updated: 0 })
    const team = async (t: string) =>
      (await ctx.payload.count({ collection: 'lecturers', where: { team: { equals: t } } })).totalDocs
    expect(await team('lecturer-team')).toBe(36)
    expect(await team('think-tank')).toBe(16)
    expect(await importLecturers(ctx.payload, rows, false)).toMatchObject({ created: 0, updated: 0, unchanged: 52 })
    expect(await count('lecturers')).toBe(52)
  })

  it('updates by lecturer code when a row changes', async () => {
    const rows = await readSpreadsheet(lecturersCsv)
    const first = rows[0]
    if (!first) throw new Error('sample roster is empty')
    first.values.职称 = '高级家庭教育指导师（更新）'
    expect(await importLecturers(ctx.payload, rows, false)).toMatchObject({ created: 0, updated: 1, unchanged: 51 })
    const { docs } = await ctx.payload.find({ collection: 'lecturers', where: { code: { equals: first.values.编号 } } })
    expect(docs[0]?.title).toBe('高级家庭教育指导师（更新）')
  })
})

describe('course catalogue import', () => {
  it('imports 68 published courses linked to their category and lecturers', async () => {
    const result = await importCourses(ctx.payload, await readSpreadsheet(coursesCsv), { dryRun: false })
    expect(result).toMatchObject({ errors: [], total: 68, created: 68 })
    const { docs } = await ctx.payload.find({ collection: 'courses', where: { code: { equals: 'FJ-001' } }, depth: 1 })
    const course = docs[0]
    expect(course?._status).toBe('published')
    expect(typeof course?.category === 'object' && course.category.name).toBeTruthy()
    expect(course?.lecturers?.length).toBeGreaterThan(0)
    expect(course?.outline).toBeTruthy()
  })

  it('reads the same catalogue from an .xlsx file and finds nothing to change', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('课程目录')
    const csv = fs.readFileSync(coursesCsv, 'utf8')
    const rows = readCsv(csv)
    const header = Object.keys(rows[0]?.values ?? {})
    sheet.addRow(header)
    for (const row of rows) sheet.addRow(header.map((h) => row.values[h]))
    const file = path.join(ctx.dir, 'courses.xlsx')
    await workbook.xlsx.writeFile(file)
    const result = await importCourses(ctx.payload, await readSpreadsheet(file), { dryRun: false })
    expect(result).toMatchObject({ errors: [], created: 0, updated: 0, unchanged: 68 })
  })

  it('rejects a broken spreadsheet row by row and imports nothing from it', async () => {
    const header = '课程编号,课程名称,课程类别,适用年龄段,授课形式,时长（分钟）,课程简介,课程大纲,授课讲师'
    const broken = [
      header,
      'FJ-901,新课程一,亲子沟通与关系,6-12岁,线下,90,一门正确的课程,要点一,', // valid on its own
      'fj9,编号不对,亲子沟通与关系,6-12岁,线下,90,简介,要点,',
      'FJ-902,类别不存在,烹饪,6-12岁,线下,90,简介,要点,',
      'FJ-903,年龄段不对,亲子沟通与关系,0-4岁,线下,90,简介,要点,',
      'FJ-904,讲师不存在,亲子沟通与关系,6-12岁,线下,90,简介,要点,查无此人',
      'FJ-905,时长不对,亲子沟通与关系,6-12岁,线上,一小时,简介,要点,',
      'FJ-901,重复编号,亲子沟通与关系,6-12岁,线下,90,简介,要点,',
    ].join('\n')
    const before = await count('courses')
    const result = await importCourses(ctx.payload, readCsv(broken), { dryRun: false })
    expect(result.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8])
    expect(result.errors[0]?.message).toContain('课程编号：格式应如 FJ-001')
    expect(result.errors[1]?.message).toContain('未找到“烹饪”')
    expect(result.errors[2]?.message).toContain('“0-4岁”不是有效的年龄段')
    expect(result.errors[3]?.message).toContain('未找到“查无此人”')
    expect(result.errors[4]?.message).toContain('时长（分钟）')
    expect(result.errors[5]?.message).toContain('与第 2 行重复')
    expect(await count('courses')).toBe(before)
    const valid = await ctx.payload.count({ collection: 'courses', where: { code: { equals: 'FJ-901' } } })
    expect(valid.totalDocs).toBe(0)
  })

  it('rejects a file without the required columns on line 1', async () => {
    const result = await importCourses(ctx.payload, readCsv('编号,名字\nFJ-001,x\n'), { dryRun: false })
    expect(result.errors).toEqual([{ line: 1, message: expect.stringContaining('表头缺少列') }])
  })
})
