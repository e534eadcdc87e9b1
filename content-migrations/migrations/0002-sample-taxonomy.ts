import { z } from 'zod'
import { readSampleJson } from '../lib/sampleFiles.ts'
import type { ContentMigration } from '../types.ts'

const categories = [
  ['家风家教与品德培养', '以良好家风涵养品德，引导家长在日常生活中培养孩子的责任感与感恩之心。'],
  ['亲子沟通与关系', '学会倾听与表达，化解亲子冲突，建立温暖、信任的亲子关系。'],
  ['婴幼儿科学养育', '0–3 岁婴幼儿的营养、睡眠、早期发展与回应性照护。'],
  ['幼小衔接与习惯养成', '帮助孩子从幼儿园平稳过渡到小学，养成受益一生的学习与生活习惯。'],
  ['学业支持与生涯规划', '科学陪伴学习、减轻焦虑，帮助孩子认识自我、规划未来。'],
  ['青春期成长', '理解青春期身心变化，陪伴孩子走过成长的关键阶段。'],
  ['心理健康与情绪管理', '关注孩子和家长的心理健康，学习识别与调节情绪。'],
  ['安全、法治与网络素养', '居家与出行安全、防范欺凌、法治常识与健康上网。'],
] as const

const topicsFile = z.object({
  topics: z.array(z.object({ key: z.string(), name: z.string(), description: z.string() })).min(1),
})

export const sampleTaxonomy: ContentMigration = {
  name: '0002-sample-taxonomy',
  sample: true,
  description: '文章专题与 8 个课程类别',
  async up({ payload, dryRun }) {
    const { topics } = await readSampleJson('editorial/topics.json', topicsFile)
    if (dryRun) return `将创建 ${topics.length} 个专题、${categories.length} 个课程类别`
    for (const topic of topics) {
      const exists = await payload.count({ collection: 'topics', where: { name: { equals: topic.name } } })
      if (!exists.totalDocs) {
        await payload.create({
          collection: 'topics',
          data: { name: topic.name, slug: topic.key, description: topic.description },
        })
      }
    }
    for (const [order, [name, description]] of categories.entries()) {
      const exists = await payload.count({ collection: 'course-categories', where: { name: { equals: name } } })
      if (!exists.totalDocs) {
        await payload.create({ collection: 'course-categories', data: { name, description, order: order + 1 } })
      }
    }
    return `${topics.length} 个专题、${categories.length} 个课程类别`
  },
}
