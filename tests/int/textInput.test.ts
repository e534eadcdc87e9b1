import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blocksToLexical } from '../../content-migrations/lib/lexical.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

let ctx: TestPayload
beforeAll(async () => {
  ctx = await startTestPayload()
})
afterAll(() => ctx?.close())

const article = (title: string, body = '正文') => ({
  title,
  summary: '摘要',
  body: blocksToLexical([{ type: 'p', text: body }]),
  _status: 'draft' as const,
})

describe('staff text input', () => {
  it('refuses a control character or direction override in any text field, naming the field, and saves nothing', async () => {
    for (const [data, path] of [
      [article('家风\u202e故事'), 'title'],
      [article('家风故事', '正文\u0000截断'), 'body'],
    ] as const) {
      const attempt = ctx.payload.create({ collection: 'articles', data, draft: true })
      await expect(attempt).rejects.toMatchObject({ name: 'ValidationError', status: 400 })
      const error = (await attempt.catch((e: unknown) => e)) as {
        data: { errors: { path: string; message: string }[] }
      }
      expect(error.data.errors[0]?.path.startsWith(path)).toBe(true)
      expect(error.data.errors[0]?.message).toContain('控制字符')
    }
    expect((await ctx.payload.count({ collection: 'articles' })).totalDocs).toBe(0)
  })

  it('checks globals too', async () => {
    await expect(
      ctx.payload.updateGlobal({ slug: 'site-settings', data: { siteName: '福家\u001b[31m' } }),
    ).rejects.toMatchObject({ name: 'ValidationError' })
  })

  it('keeps line breaks in rich text and plain text in titles', async () => {
    const saved = await ctx.payload.create({
      collection: 'articles',
      data: article('家风故事', '第一行\n第二行'),
      draft: true,
    })
    expect(saved.title).toBe('家风故事')
  })
})
