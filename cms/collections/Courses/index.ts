import type { CollectionConfig } from 'payload'
import { ageBands, courseFormats } from '../../../common/catalogue.ts'
import { t } from '../../../common/i18n.ts'
import { hasRole } from '../../access/hasRole.ts'
import { publishedOrStaff } from '../../access/publishedOrStaff.ts'
import { courseRatingFields } from '../../dispatch/courseFields.ts'
import { slugField } from '../../fields/slug.ts'
import { marksSiteStale } from '../../publishing/markStale.ts'

export const courseCodePattern = /^[A-Z]{1,4}-\d{1,4}$/

export const Courses: CollectionConfig = {
  slug: 'courses',
  labels: { singular: t('课程', 'Course'), plural: t('课程', 'Courses') },
  admin: {
    useAsTitle: 'title',
    group: t('福家大讲堂', 'Courses'),
    defaultColumns: ['code', 'title', 'category', 'format', '_status'],
  },
  defaultSort: 'code',
  access: {
    read: publishedOrStaff,
    readVersions: hasRole('coordinator'),
    create: hasRole('coordinator'),
    update: hasRole('coordinator'),
    delete: hasRole('coordinator'),
  },
  versions: { maxPerDoc: 20, drafts: true },
  hooks: marksSiteStale(),
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'code',
          type: 'text',
          required: true,
          unique: true,
          label: t('课程编号', 'Code'),
          validate: (v: string | null | undefined) => courseCodePattern.test(v ?? '') || '课程编号格式如 FJ-001',
        },
        { name: 'title', type: 'text', required: true, label: t('课程名称', 'Title') },
      ],
    },
    slugField('title'),
    {
      type: 'row',
      fields: [
        {
          name: 'category',
          type: 'relationship',
          relationTo: 'course-categories',
          required: true,
          label: t('类别', 'Category'),
        },
        {
          name: 'format',
          type: 'select',
          required: true,
          defaultValue: 'offline',
          options: [...courseFormats],
          label: t('授课形式', 'Format'),
        },
        {
          name: 'durationMinutes',
          type: 'number',
          required: true,
          min: 15,
          max: 480,
          label: t('时长（分钟）', 'Duration (minutes)'),
        },
      ],
    },
    {
      name: 'audience',
      type: 'select',
      hasMany: true,
      required: true,
      options: [...ageBands],
      label: t('适用年龄段', 'Audience'),
    },
    { name: 'summary', type: 'textarea', required: true, maxLength: 300, label: t('课程简介', 'Summary') },
    { name: 'outline', type: 'richText', label: t('课程大纲', 'Outline') },
    {
      name: 'lecturers',
      type: 'relationship',
      relationTo: 'lecturers',
      hasMany: true,
      label: t('授课讲师', 'Lecturers'),
    },
    { name: 'cover', type: 'upload', relationTo: 'media', label: t('封面图', 'Cover image') },
    {
      name: 'sessions',
      type: 'join',
      collection: 'course-sessions',
      on: 'course',
      label: t('开课安排', 'Sessions'),
      defaultSort: 'startsAt',
    },
    ...courseRatingFields,
  ],
}
