import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importHolidaySessions, parseDates } from '../../content-migrations/importers/holidaySessions.ts'
import type { SheetRow } from '../../content-migrations/lib/spreadsheet.ts'
import { sampleHoliday } from '../../content-migrations/migrations/0010-sample-holiday.ts'
import { createWave } from '../helpers/holiday.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

let ctx: TestPayload
let waveName = ''

beforeAll(async () => {
  ctx = await startTestPayload()
  const { wave } = await createWave(ctx.payload)
  waveName = wave.name
})
afterAll(() => ctx?.close())

const row = (line: number, values: Record<string, string> = {}): SheetRow => ({
  line,
  values: {
    场次编号: `wy27w-${String(line).padStart(3, '0')}`,
    活动名称: '趣味实验营',
    报名批次: waveName,
    活动简介: '动手做实验',
    街道: '福田街道',
    社区: '岗厦社区',
    详细地址: '岗厦社区党群服务中心',
    活动日期: '2027-01-25至2027-01-29',
    活动时间: '09:00-11:30',
    适合年级: '一年级-三年级',
    名额: '30',
    候补名额: '5',
    '费用（元）': '0',
    携带物品: '水杯',
    联系人: '陈老师',
    联系电话: '0755-88001000',
    ...values,
  },
})

describe('holiday session import', () => {
  it('reads date ranges and lists of days', () => {
    expect(parseDates('2027-01-25至2027-01-27')).toEqual(['2027-01-25', '2027-01-26', '2027-01-27'])
    expect(parseDates('2027-01-28、2027-01-25')).toEqual(['2027-01-25', '2027-01-28'])
    expect(parseDates('2027-02-30')).toMatch(/不是有效日期/)
  })

  it('imports sessions with their days, then re-import changes nothing; a changed row updates', async () => {
    const sheet = [row(2), row(3, { 活动日期: '2027-02-01', 活动时间: '14:30-16:30' })]
    expect(await importHolidaySessions(ctx.payload, sheet, true)).toMatchObject({ errors: [], created: 2 })
    expect((await ctx.payload.count({ collection: 'holiday-sessions' })).totalDocs).toBe(0)
    expect(await importHolidaySessions(ctx.payload, sheet, false)).toMatchObject({ errors: [], created: 2 })
    const { docs } = await ctx.payload.find({
      collection: 'holiday-sessions',
      where: { code: { equals: 'WY27W-002' } },
    })
    const week = docs[0]
    expect(week?.days?.map((d) => d.date)).toEqual([
      '2027-01-25',
      '2027-01-26',
      '2027-01-27',
      '2027-01-28',
      '2027-01-29',
    ])
    expect([week?.gradeFrom, week?.gradeTo, week?.capacity, week?.price]).toEqual(['一年级', '三年级', 30, 0])
    expect(week?.startsAt).toBe('2027-01-25T01:00:00.000Z')
    expect(await importHolidaySessions(ctx.payload, sheet, false)).toMatchObject({
      unchanged: 2,
      created: 0,
      updated: 0,
    })
    const changed = [row(2, { 名额: '40' }), sheet[1] as SheetRow]
    expect(await importHolidaySessions(ctx.payload, changed, false)).toMatchObject({ updated: 1, unchanged: 1 })
  })

  it('reports every bad row with its line and field in Chinese, and writes nothing', async () => {
    const before = (await ctx.payload.count({ collection: 'holiday-sessions' })).totalDocs
    const result = await importHolidaySessions(
      ctx.payload,
      [
        row(10, { 街道: '不存在街道' }),
        row(11, { 适合年级: '三年级-一年级' }),
        row(12, { 报名批次: '没有这个批次' }),
        row(13, { 活动时间: '11:30-09:00' }),
        row(14, { 场次编号: 'bad' }),
      ],
      false,
    )
    expect(result.errors.map((e) => e.line)).toEqual([10, 11, 12, 13, 14])
    expect(result.errors[0]?.message).toMatch(/^街道：/)
    expect(result.errors[2]?.message).toMatch(/报名批次：未找到/)
    expect((await ctx.payload.count({ collection: 'holiday-sessions' })).totalDocs).toBe(before)
  })

  it('loads the sample programme: two waves (one open, one opening later) and 20 sessions, one a week long', async () => {
    const now = new Date()
    const summary = await sampleHoliday.up({ payload: ctx.payload, dryRun: false, now, log: () => {} })
    expect(summary).toMatch(/活动 20 期/)
    const { docs: programmes } = await ctx.payload.find({
      collection: 'holiday-programmes',
      where: { title: { contains: '寒假无忧假期' } },
    })
    const programme = programmes[0]
    expect(programme?._status).toBe('published')
    const { docs: waves } = await ctx.payload.find({
      collection: 'holiday-waves',
      where: { programme: { equals: programme?.id } },
      sort: 'opensAt',
    })
    expect(waves.map((w) => Date.parse(w.opensAt) > now.getTime())).toEqual([false, true])
    const { docs: sessions } = await ctx.payload.find({
      collection: 'holiday-sessions',
      where: { programme: { equals: programme?.id } },
      limit: 0,
    })
    expect(sessions).toHaveLength(20)
    expect(new Set(sessions.map((s) => s.venue?.street)).size).toBe(10)
    expect(sessions.filter((s) => (s.days?.length ?? 0) === 5)).toHaveLength(1)
    // Running it again changes nothing.
    await sampleHoliday.up({ payload: ctx.payload, dryRun: false, now, log: () => {} })
    expect(
      (await ctx.payload.count({ collection: 'holiday-sessions', where: { programme: { equals: programme?.id } } }))
        .totalDocs,
    ).toBe(20)
  })
})
