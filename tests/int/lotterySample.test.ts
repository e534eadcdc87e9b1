import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPublication } from '../../common/lottery/publication.ts'
import { sampleHoliday } from '../../content-migrations/migrations/0010-sample-holiday.ts'
import { sampleLottery } from '../../content-migrations/migrations/0012-sample-lottery.ts'
import { runContentMigrations } from '../../content-migrations/runner.ts'
import { api } from '../helpers/api.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

let ctx: TestPayload

beforeAll(async () => {
  ctx = await startTestPayload()
  // The two samples it needs (the whole sample set takes minutes): the holiday programme, then the lottery wave.
  await runContentMigrations(ctx.payload, { now: new Date(), migrations: [sampleHoliday, sampleLottery] })
}, 300_000)
afterAll(() => ctx?.close())

describe('the sample lottery wave', () => {
  it('has a published draw the verifier recomputes byte for byte, with no names or phone numbers in it', async () => {
    const { docs } = await ctx.payload.find({
      collection: 'holiday-waves',
      where: { allocation: { equals: 'lottery' } },
    })
    const wave = docs[0]
    expect(wave).toBeDefined()
    const info = await api('GET', `/api/lottery-draws/${wave?.id}/info`)
    expect(info.json.draw.state).toBe('drawn')
    expect(info.json.entries).toBe(40)
    const get = async (name: string) => (await api('GET', `/api/lottery-draws/${wave?.id}/files/${name}`)).text
    const files = {
      input: await get('input.txt'),
      record: JSON.parse(await get('draw.json')),
      result: await get('result.csv'),
    }
    const verification = verifyPublication(files)
    expect(verification.checks.filter((c) => !c.ok)).toEqual([])
    expect(verification.entries).toBe(40)
    for (const text of [files.input, files.result, JSON.stringify(files.record)])
      expect(text).not.toMatch(/示例孩子|1990001\d{4}/)
    // Run again: the sample is not duplicated.
    await sampleLottery.up({ payload: ctx.payload, dryRun: false, now: new Date(), log: () => {} })
    expect((await ctx.payload.count({ collection: 'lottery-entries' })).totalDocs).toBe(40)
  })
})
