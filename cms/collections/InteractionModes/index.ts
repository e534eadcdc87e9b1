import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { anyone } from '../../access/anyone.ts'
import { hasRole } from '../../access/hasRole.ts'

/** How a session is held (讲座, 亲子工作坊 …): requesters pick one when they order; staff add more. */
export const InteractionModes: CollectionConfig = {
  slug: 'interaction-modes',
  labels: { singular: t('互动形式', 'Interaction mode'), plural: t('互动形式', 'Interaction modes') },
  admin: { useAsTitle: 'name', group: t('点单送课', 'Course orders'), defaultColumns: ['name', 'order'] },
  defaultSort: 'order',
  access: {
    read: anyone,
    create: hasRole('coordinator'),
    update: hasRole('coordinator'),
    delete: hasRole('admin'),
  },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, maxLength: 20, label: t('名称', 'Name') },
    { name: 'order', type: 'number', defaultValue: 0, label: t('排序', 'Order') },
  ],
}
