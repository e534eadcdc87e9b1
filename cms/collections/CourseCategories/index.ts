import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { anyone } from '../../access/anyone.ts'
import { hasRole } from '../../access/hasRole.ts'
import { slugField } from '../../fields/slug.ts'
import { marksSiteStale } from '../../publishing/markStale.ts'

export const CourseCategories: CollectionConfig = {
  slug: 'course-categories',
  labels: { singular: t('课程类别', 'Course category'), plural: t('课程类别', 'Course categories') },
  admin: { useAsTitle: 'name', group: t('福家大讲堂', 'Courses'), defaultColumns: ['order', 'name', 'slug'] },
  defaultSort: 'order',
  access: {
    read: anyone,
    create: hasRole('coordinator'),
    update: hasRole('coordinator'),
    delete: hasRole('coordinator'),
  },
  hooks: marksSiteStale(),
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, label: t('名称', 'Name') },
    slugField('name'),
    {
      name: 'order',
      type: 'number',
      required: true,
      defaultValue: 0,
      label: t('排序', 'Order'),
      admin: { position: 'sidebar' },
    },
    { name: 'description', type: 'textarea', maxLength: 300, label: t('简介', 'Description') },
  ],
}
