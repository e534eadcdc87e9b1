import type { Payload } from 'payload'
import { generateBookingCode } from '../../cms/booking/code.ts'
import { findOrCreateHousehold } from '../../cms/households/service.ts'
import { drawWave, ensureCommitment, freeze, lotteryWave } from '../../cms/lottery/steps.ts'
import { streets } from '../../common/district.ts'
import { TIMEZONE } from '../../common/i18n.ts'
import type { ContentMigration } from '../types.ts'

const DAY = 86_400_000
const HOUR = 3_600_000
const WAVE_NAME = '热门活动摇号批次'
const ENTRIES = 40
/** A public number as a lottery would publish it (fictional, marked as sample in the source text). */
const PUBLIC_NUMBER = '07 11 19 23 28 31 + 09'

const dateAfter = (now: Date, days: number) =>
  new Date(now.getTime() + 8 * HOUR + days * DAY).toISOString().slice(0, 10)

/** Fictional popular sessions: [title, street, capacity]. */
const popular: [string, string, number][] = [
  ['机器人搭建工作坊', '福田街道', 6],
  ['小小航天员体验营', '莲花街道', 5],
  ['马术亲子体验日', '香蜜湖街道', 4],
  ['海洋科普夜宿营', '华强北街道', 5],
]

async function sampleProgramme(payload: Payload) {
  const { docs } = await payload.find({
    collection: 'holiday-programmes',
    where: { title: { like: '寒假无忧假期' } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]
}

/**
 * A lottery wave in the sample programme whose draw has run and been published, so the results and verify pages
 * have something real to show: entry opened five days ago and closed two days ago, the draw ran yesterday, offers
 * wait two days for confirmation, leftovers open first come, first served in five days. Forty fictional
 * households (phones 1990001xxxx, children 示例孩子NN) entered one child each.
 */
export const sampleLottery: ContentMigration = {
  name: '0012-sample-lottery',
  sample: true,
  description: '示例摇号批次：4 期热门活动、40 条示例报名，已摇号并公布，可在核验页重新计算',
  async up({ payload, dryRun, now }) {
    const programme = await sampleProgramme(payload)
    if (!programme) return '没有示例假期项目，跳过'
    const existing = await payload.find({
      collection: 'holiday-waves',
      where: { and: [{ programme: { equals: programme.id } }, { name: { equals: WAVE_NAME } }] },
      limit: 1,
      overrideAccess: true,
    })
    if (existing.docs.length) return '示例摇号批次已存在'
    if (dryRun) return `将创建示例摇号批次、4 期活动和 ${ENTRIES} 条示例报名并完成摇号`
    const at = (days: number) => new Date(now.getTime() + days * DAY)
    const wave = await payload.create({
      collection: 'holiday-waves',
      data: {
        programme: programme.id,
        name: WAVE_NAME,
        opensAt: at(5).toISOString(),
        opensAt_tz: TIMEZONE,
        perChildCap: 1,
        cancellationHoursBefore: 24,
        allocation: 'lottery',
        lotteryEntryOpensAt: at(-5).toISOString(),
        lotteryEntryClosesAt: at(-2).toISOString(),
        lotteryDrawAt: at(-1).toISOString(),
        lotteryConfirmHours: 72,
        lotteryRounds: 2,
        lotteryQuotaPercent: 30,
        lotteryPriorityLimit: 5,
        lotteryPublicSource: '示例：摇号次日公布的福利彩票开奖号码（示例数据，非真实开奖）',
        lotteryPublicNumber: PUBLIC_NUMBER,
        lotteryRules:
          '1. 本批次 4 期热门活动以摇号分配名额，每个孩子 1 条报名、最多 3 个志愿；报名先后不影响结果。\n2. 每期 30% 的名额先给居住在场地所在街道的孩子，其余统一分配。\n3. 中签后 72 小时内确认；未确认的名额按名次递补，最多 2 轮；剩余名额在开放时间起先到先得。（示例数据）',
      } as never,
      overrideAccess: true,
    })
    const sessions: { id: number | string }[] = []
    for (const [i, [title, street, capacity]] of popular.entries()) {
      const year = programme.year ?? now.getUTCFullYear()
      sessions.push(
        await payload.create({
          collection: 'holiday-sessions',
          data: {
            code: `WY${String(year).slice(2)}L-${String(i + 1).padStart(3, '0')}`,
            title,
            summary: `热门活动，摇号分配名额（示例数据）`,
            wave: wave.id,
            venue: {
              street,
              community: `${street.replace('街道', '')}示例社区`,
              address: `${street}示例活动中心（示例地址）`,
            },
            days: [{ date: dateAfter(now, 45 + i * 2), startTime: '09:00', endTime: '16:00' }],
            gradeFrom: '一年级',
            gradeTo: '六年级',
            capacity,
            waitlistSize: 0,
            price: 0,
            status: 'scheduled',
          } as never,
          overrideAccess: true,
        }),
      )
    }
    const full = await lotteryWave(payload, wave.id)
    await ensureCommitment(payload, full, at(-5))
    for (let n = 1; n <= ENTRIES; n++) {
      const household = await findOrCreateHousehold(payload, `1990001${String(n).padStart(4, '0')}`, at(-4))
      const child = await payload.create({
        collection: 'children',
        data: {
          household: household.id,
          name: `示例孩子${String(n).padStart(2, '0')}`,
          grade: (['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'] as const)[n % 6] as '一年级',
          emergencyContact: { name: '示例联系人', phone: '13900000000' },
          consent: { policyVersion: 'sample', at: at(-4).toISOString() },
        },
        overrideAccess: true,
      })
      const choices = [0, 1, 2].slice(0, 1 + (n % 3)).map((k) => sessions[(n + k) % sessions.length]?.id as number)
      await payload.create({
        collection: 'lottery-entries',
        data: {
          code: generateBookingCode(),
          wave: wave.id,
          household: household.id,
          child: child.id,
          street: streets[n % streets.length] as (typeof streets)[number],
          choices: choices.map((session) => ({ session })),
        },
        overrideAccess: true,
      })
    }
    await freeze(payload, full, at(-2))
    await drawWave(payload, full, at(-1))
    const offers = await payload.count({ collection: 'lottery-offers', where: { wave: { equals: wave.id } } })
    return `示例摇号批次：4 期活动，${ENTRIES} 条报名，已摇号，${offers.totalDocs} 个录取待确认`
  },
}
