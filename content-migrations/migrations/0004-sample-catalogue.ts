import path from 'node:path'
import { importCourses } from '../importers/courses.ts'
import { importLecturers } from '../importers/lecturers.ts'
import type { ImportResult } from '../importers/result.ts'
import { sampleDir } from '../lib/sampleFiles.ts'
import { PORTRAITS, portraitName, sampleMediaId, sceneName } from '../lib/sampleMedia.ts'
import { readSpreadsheet } from '../lib/spreadsheet.ts'
import type { ContentMigration, MigrationContext } from '../types.ts'

const assertClean = (what: string, result: ImportResult) => {
  if (result.errors.length) {
    const lines = result.errors.map((e) => `第 ${e.line} 行：${e.message}`)
    throw new Error(`Sample ${what} spreadsheet has errors:\n${lines.join('\n')}`)
  }
}

/** Illustrations for imported records that have none (an editor's own photo is never replaced). */
async function illustrate({ payload }: MigrationContext) {
  const lecturers = await payload.find({
    collection: 'lecturers',
    where: { photo: { exists: false } },
    limit: 0,
    depth: 0,
  })
  for (const [i, lecturer] of lecturers.docs.entries()) {
    const photo = await sampleMediaId(payload, portraitName(i % PORTRAITS))
    await payload.update({ collection: 'lecturers', id: lecturer.id, data: { photo } })
  }
  const courses = await payload.find({ collection: 'courses', where: { cover: { exists: false } }, limit: 0, depth: 1 })
  for (const course of courses.docs) {
    const order = typeof course.category === 'object' ? course.category.order : 0
    const cover = await sampleMediaId(payload, sceneName(order))
    await payload.update({ collection: 'courses', id: course.id, data: { cover } })
  }
}

/** The catalogue and roster come in through the same importer editors use for the real spreadsheets. */
export const sampleCatalogue: ContentMigration = {
  name: '0004-sample-catalogue',
  sample: true,
  description: '示例讲师名单（讲师团 36 人、福家智库 16 人）与 68 门课程，经导入器载入',
  async up(ctx) {
    const [lecturerRows, courseRows] = await Promise.all([
      readSpreadsheet(path.join(sampleDir, 'catalogue/lecturers.csv')),
      readSpreadsheet(path.join(sampleDir, 'catalogue/courses.csv')),
    ])
    if (ctx.dryRun) return `将导入 ${lecturerRows.length} 位讲师、${courseRows.length} 门课程`
    const lecturers = await importLecturers(ctx.payload, lecturerRows, false)
    assertClean('lecturers', lecturers)
    const courses = await importCourses(ctx.payload, courseRows, { dryRun: false })
    assertClean('courses', courses)
    await illustrate(ctx)
    return `讲师 ${lecturers.total} 位（新建 ${lecturers.created}），课程 ${courses.total} 门（新建 ${courses.created}）`
  },
}
