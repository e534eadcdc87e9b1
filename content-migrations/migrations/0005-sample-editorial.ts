import type { Payload } from 'payload'
import { z } from 'zod'
import { honourLevels } from '../../common/catalogue.ts'
import { streets } from '../../common/district.ts'
import { blockSchema, blocksToLexical } from '../lib/lexical.ts'
import { readSampleJson } from '../lib/sampleFiles.ts'
import { SCENES, sampleMediaId, sceneName } from '../lib/sampleMedia.ts'
import type { ContentMigration } from '../types.ts'

const DAY = 24 * 60 * 60 * 1000

const familiesFile = z.object({
  families: z.array(
    z.object({
      familyName: z.string().min(2),
      street: z.enum(streets),
      community: z.string(),
      membersSummary: z.string(),
      honours: z.array(
        z.object({
          title: z.string(),
          level: z.enum(honourLevels.map((l) => l.value)),
          year: z.number().int(),
          awardingBody: z.string(),
        }),
      ),
      featured: z.boolean(),
      story: z.array(blockSchema).min(1),
    }),
  ),
})

const articlesFile = z.object({
  articles: z.array(
    z.object({
      title: z.string().min(2),
      topics: z.array(z.string()).min(1),
      summary: z.string(),
      author: z.string(),
      origin: z.enum(['original', 'reprint']),
      sourceName: z.string().optional(),
      sourceUrl: z.url().optional(),
      daysAgo: z.number().int().min(0),
      status: z.enum(['published', 'draft']),
      relatedFamily: z.string().optional(),
      body: z.array(blockSchema).min(1),
    }),
  ),
})

async function idsBy(payload: Payload, collection: 'topics' | 'families', field: 'slug' | 'familyName') {
  const { docs } = await payload.find({ collection, limit: 0, pagination: false, depth: 0, draft: true })
  return new Map(docs.map((d) => [String((d as unknown as Record<string, unknown>)[field]), d.id]))
}

const exists = async (payload: Payload, collection: 'families' | 'articles', field: string, value: string) =>
  (await payload.count({ collection, where: { [field]: { equals: value } } })).totalDocs > 0

export const sampleEditorial: ContentMigration = {
  name: '0005-sample-editorial',
  sample: true,
  description: '示例最美家庭与文章（含原创、转载与草稿）',
  async up({ payload, dryRun, now }) {
    const { families } = await readSampleJson('editorial/families.json', familiesFile)
    const { articles } = await readSampleJson('editorial/articles.json', articlesFile)
    if (dryRun) return `将创建 ${families.length} 个家庭、${articles.length} 篇文章`
    const daysAgo = (n: number) => new Date(now.getTime() - n * DAY).toISOString()
    const scene = (i: number) => sampleMediaId(payload, sceneName(i % SCENES))

    for (const [i, family] of families.entries()) {
      if (await exists(payload, 'families', 'familyName', family.familyName)) continue
      const { story, ...fields } = family
      await payload.create({
        collection: 'families',
        data: {
          ...fields,
          story: blocksToLexical(story),
          photos: [await scene(i + 3)].filter((id) => id !== undefined),
          consent: { given: true, recordedAt: daysAgo(60 + i), note: `示例同意书 SAMPLE-${i + 1}` },
          publishedAt: daysAgo(10 + i * 9),
          _status: 'published',
        },
      })
    }

    const topicIds = await idsBy(payload, 'topics', 'slug')
    const familyIds = await idsBy(payload, 'families', 'familyName')
    for (const [i, article] of articles.entries()) {
      if (await exists(payload, 'articles', 'title', article.title)) continue
      const { body, topics, relatedFamily, daysAgo: age, status, ...fields } = article
      await payload.create({
        collection: 'articles',
        draft: status === 'draft',
        data: {
          ...fields,
          body: blocksToLexical(body),
          topics: topics.flatMap((key) => topicIds.get(key) ?? []),
          relatedFamilies: relatedFamily ? [familyIds.get(relatedFamily)].filter((id) => id !== undefined) : [],
          cover: await scene(i),
          publishedAt: status === 'published' ? daysAgo(age) : undefined,
          _status: status,
        },
      })
    }
    return `${families.length} 个家庭、${articles.length} 篇文章（${articles.filter((a) => a.status === 'draft').length} 篇草稿）`
  },
}
