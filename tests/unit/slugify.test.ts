import { describe, expect, it } from 'vitest'
import { isSlug, slugify } from '../../common/slugify.ts'

describe('slugify', () => {
  it('turns Chinese into toneless pinyin words', () => {
    expect(slugify('家风家教')).toBe('jia-feng-jia-jiao')
    expect(slugify('女儿的成长')).toBe('nv-er-de-cheng-zhang')
  })
  it('keeps latin letters and digits, drops punctuation', () => {
    expect(slugify('读懂孩子：0-3岁 Guide!')).toBe('du-dong-hai-zi-0-3-sui-guide')
  })
  it('caps length at a word boundary', () => {
    const slug = slugify('家'.repeat(60))
    expect(slug.length).toBeLessThanOrEqual(80)
    expect(slug.endsWith('-')).toBe(false)
    expect(isSlug(slug)).toBe(true)
  })
  it('validates slugs', () => {
    expect(isSlug('jia-feng')).toBe(true)
    expect(isSlug('Jia Feng')).toBe(false)
    expect(isSlug('-a')).toBe(false)
  })
})
