import type { CollectionConfig } from 'payload'
import { streetOptions } from '../../../common/district.ts'
import { t } from '../../../common/i18n.ts'
import { anyone } from '../../access/anyone.ts'
import { hasRole } from '../../access/hasRole.ts'

/**
 * The district's communities (社区) per street, maintained by staff (importable from a spreadsheet:
 * `npm run import -- communities <file>`). Public: the order form and the '也想听' picker list them.
 */
export const Communities: CollectionConfig = {
  slug: 'communities',
  labels: { singular: t('社区', 'Community'), plural: t('社区', 'Communities') },
  admin: {
    useAsTitle: 'name',
    group: t('点单送课', 'Course orders'),
    defaultColumns: ['name', 'street', 'code'],
    listSearchableFields: ['name', 'code'],
  },
  defaultSort: 'code',
  access: {
    read: anyone,
    create: hasRole('coordinator'),
    update: hasRole('coordinator'),
    delete: hasRole('admin'),
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 30, label: t('社区名称', 'Name') },
    {
      name: 'street',
      type: 'select',
      required: true,
      index: true,
      options: streetOptions,
      label: t('所属街道', 'Street'),
    },
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      maxLength: 30,
      label: t('编码', 'Code'),
      admin: { description: t('导入时按编码更新，如 FT-01-01', 'Imports update by code, e.g. FT-01-01') },
    },
  ],
}
