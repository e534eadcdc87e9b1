import { parseArgs } from 'node:util'
import { z } from 'zod'
import { openPayload } from '../cms/server/openPayload.ts'
import { importCommunities } from './importers/communities.ts'
import { importCourses } from './importers/courses.ts'
import { importHolidaySessions } from './importers/holidaySessions.ts'
import { importLecturers } from './importers/lecturers.ts'
import type { ImportResult } from './importers/result.ts'
import { readSpreadsheet, SpreadsheetError } from './lib/spreadsheet.ts'

const usage = `用法：npm run import -- <courses|lecturers|communities|holiday-sessions> <文件.xlsx|文件.csv> [--dry-run] [--draft]
  courses    课程目录（按课程编号更新，已存在的不会重复创建）
  lecturers  讲师与专家名单（按讲师编号更新）；请先导入讲师，再导入课程
  communities 各街道社区名单（列：编码、社区、街道；按编码更新）
  holiday-sessions 无忧假期活动场次（按场次编号更新）；请先在后台创建假期项目和报名批次
  --dry-run  只检查并报告将新建/更新的数量，不写入
  --draft    课程以草稿导入（默认直接发布）`

const argsSchema = z.object({
  kind: z.enum(['courses', 'lecturers', 'communities', 'holiday-sessions'], {
    message: '第一个参数应为 courses、lecturers、communities 或 holiday-sessions',
  }),
  file: z.string({ message: '请提供要导入的文件路径' }).min(1),
})

function report(result: ImportResult, dryRun: boolean) {
  if (result.errors.length) {
    console.error(`发现 ${result.errors.length} 处错误，未导入任何数据：`)
    for (const e of result.errors) console.error(`  第 ${e.line} 行：${e.message}`)
    return 1
  }
  const verb = dryRun ? '将' : '已'
  console.log(
    `${dryRun ? '[试运行] ' : ''}共 ${result.total} 行：${verb}新建 ${result.created}，${verb}更新 ${result.updated}，无变化 ${result.unchanged}`,
  )
  return 0
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, draft: { type: 'boolean', default: false } },
  })
  const args = argsSchema.safeParse({ kind: positionals[0], file: positionals[1] })
  if (!args.success) {
    console.error(`${args.error.issues[0]?.message}\n\n${usage}`)
    return 2
  }
  const dryRun = values['dry-run']
  let rows: Awaited<ReturnType<typeof readSpreadsheet>>
  try {
    rows = await readSpreadsheet(args.data.file)
  } catch (error) {
    const message = error instanceof SpreadsheetError ? error.message : `无法读取文件：${(error as Error).message}`
    console.error(message)
    return 1
  }
  const payload = await openPayload()
  try {
    const importers = {
      courses: () => importCourses(payload, rows, { dryRun, asDraft: values.draft }),
      lecturers: () => importLecturers(payload, rows, dryRun),
      communities: () => importCommunities(payload, rows, dryRun),
      'holiday-sessions': () => importHolidaySessions(payload, rows, dryRun),
    }
    const result = await importers[args.data.kind]()
    return report(result, dryRun)
  } finally {
    await payload.destroy()
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
