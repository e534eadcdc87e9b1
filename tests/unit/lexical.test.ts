import { describe, expect, it } from 'vitest'
import { blocksToLexical } from '../../content-migrations/lib/lexical.ts'

describe('blocksToLexical', () => {
  it('builds the node tree Payload stores for rich text', () => {
    const state = blocksToLexical([
      { type: 'h2', text: '标题' },
      { type: 'p', text: '正文' },
      { type: 'ul', items: ['一', '二'] },
    ])
    const [heading, paragraph, list] = state.root.children as Record<string, unknown>[]
    expect(heading).toMatchObject({ type: 'heading', tag: 'h2', children: [{ type: 'text', text: '标题' }] })
    expect(paragraph).toMatchObject({ type: 'paragraph', children: [{ text: '正文' }] })
    expect(list).toMatchObject({ type: 'list', listType: 'bullet', tag: 'ul' })
    expect(list?.children).toHaveLength(2)
  })
})
