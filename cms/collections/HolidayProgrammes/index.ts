import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { hasRole } from '../../access/hasRole.ts'
import { publishedOrStaff } from '../../access/publishedOrStaff.ts'
import { slugField } from '../../fields/slug.ts'
import { marksSiteStale } from '../../publishing/markStale.ts'

export const holidayGroup = t('福家·无忧假期', 'Holiday programmes')

/** A holiday programme (e.g. 2026 暑期无忧假期): published through drafts like courses; its waves and sessions follow it. */
export const HolidayProgrammes: CollectionConfig = {
  slug: 'holiday-programmes',
  labels: { singular: t('假期项目', 'Holiday programme'), plural: t('假期项目', 'Holiday programmes') },
  admin: { useAsTitle: 'title', group: holidayGroup, defaultColumns: ['title', 'season', 'year', '_status'] },
  defaultSort: '-year',
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
    { name: 'title', type: 'text', required: true, maxLength: 60, label: t('项目名称', 'Title') },
    slugField('title'),
    {
      type: 'row',
      fields: [
        {
          name: 'season',
          type: 'select',
          required: true,
          options: [
            { value: 'winter', label: t('寒假', 'Winter') },
            { value: 'summer', label: t('暑假', 'Summer') },
          ],
          label: t('假期', 'Season'),
        },
        { name: 'year', type: 'number', required: true, min: 2020, max: 2100, label: t('年份', 'Year') },
      ],
    },
    { name: 'summary', type: 'textarea', maxLength: 600, label: t('简介', 'Summary') },
    { name: 'cover', type: 'upload', relationTo: 'media', label: t('封面图', 'Cover image') },
  ],
}
