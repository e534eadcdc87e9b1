import { pinyin } from 'pinyin-pro'

const MAX_LENGTH = 80

/** Lowercase ASCII slug; Chinese becomes toneless pinyin, one syllable per word ("家风家教" → "jia-feng-jia-jiao"). */
export function slugify(text: string): string {
  const latin = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
  const slug = latin.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  if (slug.length <= MAX_LENGTH) return slug
  return slug.slice(0, MAX_LENGTH).replace(/-[^-]*$/, '')
}

export const isSlug = (value: string): boolean => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)
