import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { hasRole } from '../../access/hasRole.ts'
import { publishedOrStaff } from '../../access/publishedOrStaff.ts'
import { SCHEDULE_PUBLISH } from '../../admin/dateFormats.ts'
import { publishedAtField } from '../../fields/publishedAt.ts'
import { seoField } from '../../fields/seo.ts'
import { slugField } from '../../fields/slug.ts'
import { sitePreview } from '../../lib/previewUrl.ts'
import { marksSiteStale } from '../../publishing/markStale.ts'

const isReprint = (_: unknown, siblingData: { origin?: string }) => siblingData?.origin === 'reprint'

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: t('文章', 'Article'), plural: t('文章', 'Articles') },
  admin: {
    useAsTitle: 'title',
    group: t('内容', 'Content'),
    preview: sitePreview('articles'),
    defaultColumns: ['title', 'topics', 'origin', '_status', 'publishedAt'],
  },
  defaultSort: '-publishedAt',
  access: {
    read: publishedOrStaff,
    readVersions: hasRole('editor'),
    create: hasRole('editor'),
    update: hasRole('editor'),
    delete: hasRole('editor'),
  },
  // No autosave: it created an untitled draft on merely opening the create form, and an autosave landing just after
  // 发布修改 left a newer draft, so a live article read "已更改". Staff save drafts with 保存草稿.
  versions: { maxPerDoc: 50, drafts: { schedulePublish: SCHEDULE_PUBLISH } },
  hooks: marksSiteStale(),
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 80, label: t('标题', 'Title') },
    slugField('title'),
    publishedAtField,
    {
      name: 'summary',
      type: 'textarea',
      required: true,
      maxLength: 200,
      label: t('摘要', 'Summary'),
      admin: {
        description: t('显示在列表和分享卡片中，200字以内', 'Shown in lists and share cards, up to 200 characters'),
      },
    },
    { name: 'cover', type: 'upload', relationTo: 'media', label: t('封面图', 'Cover image') },
    { name: 'body', type: 'richText', required: true, label: t('正文', 'Body') },
    {
      name: 'topics',
      type: 'relationship',
      relationTo: 'topics',
      hasMany: true,
      label: t('专题', 'Topics'),
      admin: { position: 'sidebar' },
    },
    { name: 'author', type: 'text', label: t('作者', 'Author'), admin: { position: 'sidebar' } },
    {
      name: 'origin',
      type: 'radio',
      required: true,
      defaultValue: 'original',
      label: t('来源', 'Origin'),
      options: [
        { value: 'original', label: t('原创', 'Original') },
        { value: 'reprint', label: t('转载', 'Reprint') },
      ],
      admin: { position: 'sidebar', layout: 'horizontal' },
    },
    {
      name: 'sourceName',
      type: 'text',
      label: t('转载来源', 'Source'),
      admin: { position: 'sidebar', condition: isReprint },
      validate: (value: string | null | undefined, { siblingData }: { siblingData: { origin?: string } }) =>
        siblingData?.origin !== 'reprint' || Boolean(value?.trim()) || '转载文章必须注明来源',
    },
    {
      name: 'sourceUrl',
      type: 'text',
      label: t('原文链接', 'Source URL'),
      admin: { position: 'sidebar', condition: isReprint },
      validate: (value: string | null | undefined) =>
        !value || /^https?:\/\/\S+$/.test(value) || '请输入以 http:// 或 https:// 开头的网址',
    },
    {
      type: 'collapsible',
      label: t('相关内容', 'Related'),
      fields: [
        {
          name: 'relatedFamilies',
          type: 'relationship',
          relationTo: 'families',
          hasMany: true,
          label: t('相关家庭', 'Families'),
        },
        {
          name: 'relatedCourses',
          type: 'relationship',
          relationTo: 'courses',
          hasMany: true,
          label: t('相关课程', 'Courses'),
        },
      ],
    },
    seoField,
  ],
}
