import type { Payload } from 'payload'
import { streets } from '../../common/district.ts'
import { TIMEZONE } from '../../common/i18n.ts'
import { importHolidaySessions } from '../importers/holidaySessions.ts'
import { SCENES, sampleMediaId, sceneName } from '../lib/sampleMedia.ts'
import type { SheetRow } from '../lib/spreadsheet.ts'
import type { ContentMigration } from '../types.ts'

const DAY = 86_400_000
const HOUR = 3_600_000

/** Shanghai date `days` after `now`'s Shanghai date (YYYY-MM-DD). */
const dateAfter = (now: Date, days: number) =>
  new Date(now.getTime() + 8 * HOUR + days * DAY).toISOString().slice(0, 10)

/** Ten o'clock in Shanghai, `days` after `now`'s Shanghai date. */
const tenOClock = (now: Date, days: number) => new Date(`${dateAfter(now, days)}T10:00:00+08:00`).toISOString()

/** Fictional activities: [title, summary, grades, capacity, what to bring]. */
const activities: [string, string, string, number, string][] = [
  ['小小科学家：趣味实验营', '跟着志愿者老师动手做安全的小实验，认识空气、水和光。', '一年级-三年级', 30, '水杯、围裙'],
  ['非遗剪纸体验课', '学剪窗花和生肖图样，作品可带回家。', '二年级-六年级', 25, '无'],
  ['绘本共读与情景表演', '共读一本绘本，再分组排演小短剧。', '幼儿园大班-二年级', 20, '水杯'],
  ['少儿篮球基础训练', '运球、传球和简单配合，注重安全与运动习惯。', '三年级-六年级', 30, '运动鞋、水杯、毛巾'],
  ['寒假作业互助小组', '大学生志愿者陪伴完成寒假作业，答疑解惑。', '一年级-六年级', 30, '寒假作业、文具'],
  ['书法入门：写好中国字', '从握笔姿势和基本笔画开始。', '二年级-五年级', 24, '无（笔墨由活动提供）'],
  ['少儿编程启蒙', '用图形化积木编出会动的小故事。', '三年级-初一', 20, '无'],
  ['自然笔记：社区植物观察', '在社区公园观察冬季植物并画自然笔记。', '一年级-四年级', 25, '保暖外套、水杯'],
  ['消防安全小卫士', '参观消防站，学习火场逃生和报警方法。', '一年级-六年级', 30, '无'],
  ['创意美术：旧物新生', '用废旧材料做手工，了解垃圾分类。', '幼儿园中班-三年级', 20, '一件干净的旧物'],
  ['英语绘本戏剧营', '用英语读绘本、演小剧。', '二年级-五年级', 24, '水杯'],
  ['围棋启蒙', '认识棋盘、学会吃子和做眼。', '一年级-四年级', 20, '无'],
  ['传统节日手作：迎新春', '做灯笼、写福字，了解春节习俗。', '幼儿园大班-四年级', 30, '无'],
  ['跳绳与体能游戏', '花样跳绳和团队体能游戏。', '一年级-五年级', 30, '运动鞋、水杯'],
  ['小小主持人', '练习朗读、发声和站姿，最后一起主持一场小晚会。', '二年级-六年级', 20, '水杯'],
  ['科学魔术秀', '揭秘魔术背后的科学原理。', '一年级-四年级', 30, '无'],
  ['陶艺体验：捏一只小碗', '学习捏塑和上釉，烧制后领取作品。', '二年级-六年级', 16, '围裙'],
  ['心理小课堂：认识我的情绪', '通过游戏认识和表达情绪。', '三年级-初二', 24, '无'],
  ['社区小记者', '采访社区里的劳动者，写一篇小报道。', '四年级-初二', 20, '笔记本、笔'],
]

/** The week-long day camp: five days in a row, the case the daily check-in is for. */
const weekCamp: [string, string, string, number, string] = [
  '无忧假期一周托管营',
  '周一至周五每天上午的看护与活动：阅读、运动、手工和作业辅导。',
  '一年级-四年级',
  30,
  '水杯、午间小点心、寒假作业',
]

const contacts = ['陈老师', '林老师', '黄老师', '周老师', '吴老师']

/**
 * The spreadsheet staff would fill in, as rows: 20 sessions across the ten streets, the first 12 in the wave open
 * now, the rest in the wave that opens in two days; all in the coming winter holiday (fictional).
 */
function sessionRows(now: Date, code: (n: number) => string, waves: [string, string]): SheetRow[] {
  const start = 40 // the holiday starts about forty days from now
  const all = [weekCamp, ...activities]
  return all.map(([title, summary, grades, capacity, bring], i) => {
    const street = streets[i % streets.length] as string
    const first = start + (i % 10) * 2
    const dates = i === 0 ? `${dateAfter(now, start)}至${dateAfter(now, start + 4)}` : dateAfter(now, first)
    return {
      line: i + 2,
      values: {
        场次编号: code(i + 1),
        活动名称: title,
        报名批次: i < 12 ? waves[0] : waves[1],
        活动简介: `${summary}（示例数据）`,
        街道: street,
        社区: `${street.replace('街道', '')}示例社区`,
        详细地址: `${street}示例社区党群服务中心（示例地址）`,
        活动日期: dates,
        活动时间: i % 3 === 2 ? '14:30-16:30' : '09:00-11:30',
        适合年级: grades,
        名额: String(capacity),
        候补名额: String(Math.round(capacity / 5)),
        '费用（元）': '0',
        携带物品: bring,
        联系人: contacts[i % contacts.length] as string,
        联系电话: `0755-8800${String(1000 + i).slice(-4)}`,
      },
    }
  })
}

async function findOrCreate<T extends { id: number | string }>(
  find: () => Promise<T | undefined>,
  create: () => Promise<T>,
) {
  return (await find()) ?? (await create())
}

async function programmeAndWaves(payload: Payload, now: Date, year: number) {
  const title = `${year} 寒假无忧假期`
  const programme = await findOrCreate(
    async () =>
      (
        await payload.find({
          collection: 'holiday-programmes',
          where: { title: { equals: title } },
          limit: 1,
          draft: true,
        })
      ).docs[0],
    async () =>
      payload.create({
        collection: 'holiday-programmes',
        data: {
          title,
          season: 'winter',
          year,
          summary: '寒假期间在十个街道的社区场地开展的看护与活动，孩子就近参加，免费报名（示例数据）。',
          cover: await sampleMediaId(payload, sceneName(3)),
          _status: 'published',
        },
      }),
  )
  const wave = (name: string, opensInDays: number, closesInDays: number) =>
    findOrCreate(
      async () =>
        (
          await payload.find({
            collection: 'holiday-waves',
            where: { and: [{ programme: { equals: programme.id } }, { name: { equals: name } }] },
            limit: 1,
          })
        ).docs[0],
      () =>
        payload.create({
          collection: 'holiday-waves',
          data: {
            programme: programme.id,
            name,
            // The open wave opened an hour ago; the next opens at 10:00 two days from now (its countdown shows).
            opensAt: opensInDays < 0 ? new Date(now.getTime() - HOUR).toISOString() : tenOClock(now, opensInDays),
            opensAt_tz: TIMEZONE,
            closesAt: tenOClock(now, closesInDays),
            closesAt_tz: TIMEZONE,
            perChildCap: 2,
            cancellationHoursBefore: 24,
            allocation: 'fcfs',
          },
        }),
    )
  return { programme, waves: [await wave('第一批', -1, 30), await wave('第二批', 2, 32)] as const }
}

export const sampleHoliday: ContentMigration = {
  name: '0010-sample-holiday',
  sample: true,
  description: '示例寒假无忧假期：两个报名批次（一个已开放、一个两天后开放）、十个街道的 20 期活动（含一期一周托管营）',
  async up({ payload, dryRun, now }) {
    // The coming winter holiday: next year's once the autumn term has begun.
    const year = now.getUTCMonth() >= 6 ? now.getUTCFullYear() + 1 : now.getUTCFullYear()
    const code = (n: number) => `WY${String(year).slice(2)}W-${String(n).padStart(3, '0')}`
    if (dryRun) return `将创建 ${year} 寒假无忧假期、2 个报名批次和 20 期活动`
    const { waves } = await programmeAndWaves(payload, now, year)
    const rows = sessionRows(now, code, [waves[0].name, waves[1].name])
    const result = await importHolidaySessions(payload, rows, false)
    if (result.errors.length) {
      throw new Error(
        `Sample holiday sessions have errors:\n${result.errors.map((e) => `${e.line}: ${e.message}`).join('\n')}`,
      )
    }
    const { docs } = await payload.find({
      collection: 'holiday-sessions',
      where: { and: [{ code: { like: `WY${String(year).slice(2)}W-` } }, { cover: { exists: false } }] },
      limit: 0,
      depth: 0,
    })
    for (const [i, s] of docs.entries()) {
      const cover = await sampleMediaId(payload, sceneName(1 + (i % (SCENES - 1))))
      if (cover) await payload.update({ collection: 'holiday-sessions', id: s.id, data: { cover } })
    }
    return `${year} 寒假无忧假期：2 个批次，活动 ${result.total} 期（新建 ${result.created ?? 0}）`
  },
}
