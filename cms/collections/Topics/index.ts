import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { anyone } from '../../access/anyone.ts'
import { hasRole } from '../../access/hasRole.ts'
import { slugField } from '../../fields/slug.ts'
import { marksSiteStale } from '../../publishing/markStale.ts'

export const Topics: CollectionConfig = {
  slug: 'topics',
  labels: { singular: t('专题', 'Topic'), plural: t('专题', 'Topics') },
  admin: { useAsTitle: 'name', group: t('内容', 'Content'), defaultColumns: ['name', 'slug'] },
  access: {
    read: anyone,
    create: hasRole('editor'),
    update: hasRole('editor'),
    delete: hasRole('editor'),
  },
  hooks: marksSiteStale(),
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, label: t('名称', 'Name') },
    slugField('name'),
    { name: 'description', type: 'textarea', maxLength: 200, label: t('简介', 'Description') },
  ],
}
