import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

let ctx: TestPayload
beforeAll(async () => {
  ctx = await startTestPayload()
})
afterAll(() => ctx?.close())

describe('payload on a temporary SQLite file', () => {
  it('generates a pinyin slug from a Chinese title and keeps it unique', async () => {
    const a = await ctx.payload.create({ collection: 'topics', data: { name: '家风家教' } })
    expect(a.slug).toBe('jia-feng-jia-jiao')
  })
})
