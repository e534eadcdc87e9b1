import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importCommunities } from '../../content-migrations/importers/communities.ts'
import { sampleDir } from '../../content-migrations/lib/sampleFiles.ts'
import { readCsv, readSpreadsheet } from '../../content-migrations/lib/spreadsheet.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

let ctx: TestPayload
const file = path.join(sampleDir, 'orders/communities.csv')
const count = async () => (await ctx.payload.count({ collection: 'communities' })).totalDocs

beforeAll(async () => {
  ctx = await startTestPayload()
})
afterAll(() => ctx?.close())

describe('importing the communities of each street', () => {
  it('dry run reports and writes nothing', async () => {
    const result = await importCommunities(ctx.payload, await readSpreadsheet(file), true)
    expect(result).toMatchObject({ errors: [], total: 60, created: 60 })
    expect(await count()).toBe(0)
  })

  it('imports 60 communities over 10 streets; re-import changes nothing; a renamed row updates by code', async () => {
    const rows = await readSpreadsheet(file)
    expect(await importCommunities(ctx.payload, rows, false)).toMatchObject({ created: 60, updated: 0 })
    expect(await importCommunities(ctx.payload, rows, false)).toMatchObject({ created: 0, updated: 0, unchanged: 60 })
    const renamed = readCsv('编码,社区,街道\nft-02,岗厦社区（新）,福田街道\nFT-99,新建社区,福田街道\n')
    expect(await importCommunities(ctx.payload, renamed, false)).toMatchObject({ created: 1, updated: 1 })
    const { docs } = await ctx.payload.find({ collection: 'communities', where: { code: { equals: 'FT-02' } } })
    expect(docs[0]?.name).toBe('岗厦社区（新）')
    expect(await count()).toBe(61)
  })

  it('reports every bad row with its line and writes nothing', async () => {
    const before = await count()
    const rows = readCsv(
      '编码,社区,街道\nFT-50,某社区,火星街道\n,无编码社区,福田街道\nFT-51,重复,福田街道\nFT-51,重复,福田街道\n',
    )
    const result = await importCommunities(ctx.payload, rows, false)
    expect(result.errors.map((e) => e.line)).toEqual([2, 3, 5])
    expect(result.errors[0]?.message).toMatch(/街道/)
    expect(result.errors[1]?.message).toMatch(/编码：不能为空/)
    expect(result.errors[2]?.message).toMatch(/重复/)
    expect(await count()).toBe(before)
  })

  it('names a missing column', async () => {
    const result = await importCommunities(ctx.payload, readCsv('编码,社区\nFT-60,某社区\n'), false)
    expect(result.errors[0]?.message).toMatch(/表头缺少列：“街道”/)
  })
})
