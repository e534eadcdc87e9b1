import { describe, expect, it } from 'vitest'
import { foldFullWidth, hasForbiddenCharacters } from '../../common/text.ts'

describe('text at the boundary', () => {
  it.each([
    ['NUL', '李\u0000雷'],
    ['an ANSI escape', '李\u001b[31m'],
    ['DEL', '李\u007f'],
    ['a C1 control', '李\u0085'],
    ['a right-to-left override', '李\u202e雷'],
    ['a directional isolate', '\u2066李\u2069'],
    ['an Arabic letter mark', '李\u061c'],
  ])('refuses %s', (_, text) => {
    expect(hasForbiddenCharacters(text)).toBe(true)
    expect(hasForbiddenCharacters(text, { multiline: true })).toBe(true)
  })

  it('allows line breaks and tabs only where a field holds several lines', () => {
    expect(hasForbiddenCharacters('第一段\n第二段')).toBe(true)
    expect(hasForbiddenCharacters('第一段\r\n\t第二段', { multiline: true })).toBe(false)
  })

  it('keeps ordinary text, emoji sequences included', () => {
    for (const text of ['王女士', 'Li Lei', '家风·家训（第 2 期）', '👨‍👩‍👧 一家人', '福田街道 岗厦社区']) {
      expect(hasForbiddenCharacters(text), text).toBe(false)
    }
  })

  it('folds full-width digits, letters and spaces', () => {
    expect(foldFullWidth('１３８\u3000００１３\u3000８０００')).toBe('138 0013 8000')
    expect(foldFullWidth('ｋ７ｑｘ－ｍ３ｐｄ')).toBe('k7qx-m3pd')
    expect(foldFullWidth('岗厦社区')).toBe('岗厦社区')
  })
})
