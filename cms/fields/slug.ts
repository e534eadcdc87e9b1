import type { CollectionSlug, FieldHook, TextField } from 'payload'
import { isSlug, slugify } from '../../common/slugify.ts'

/**
 * Fills an empty slug from another field (pinyin for Chinese) and, for generated slugs only,
 * appends -2, -3 … until it is unique. A slug typed by an editor is kept as typed (the unique index reports clashes).
 */
const fillSlug =
  (sourceField: string): FieldHook =>
  async ({ value, data, originalDoc, req, collection }) => {
    if (typeof value === 'string' && value.trim()) return value.trim().toLowerCase()
    const source = data?.[sourceField] ?? originalDoc?.[sourceField]
    if (typeof source !== 'string' || !source.trim() || !collection) return value
    const base = slugify(source) || 'item'
    const id = originalDoc?.id
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`
      const clash = await req.payload.count({
        collection: collection.slug as CollectionSlug,
        where: { and: [{ slug: { equals: candidate } }, ...(id ? [{ id: { not_equals: id } }] : [])] },
        overrideAccess: true,
        req,
      })
      if (clash.totalDocs === 0) return candidate
    }
  }

export const slugField = (sourceField: string): TextField => ({
  name: 'slug',
  type: 'text',
  label: { zh: '网址别名', en: 'Slug' },
  unique: true,
  index: true,
  hooks: { beforeValidate: [fillSlug(sourceField)] },
  validate: (value: string | null | undefined) =>
    !value || isSlug(value) ? true : '只能包含小写字母、数字和连字符（-）',
  admin: {
    position: 'sidebar',
    description: { zh: '留空则根据标题自动生成拼音', en: 'Left empty, it is generated from the title (pinyin)' },
  },
})
