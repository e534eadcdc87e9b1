import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { isAdmin } from '../../access/isAdmin.ts'
import { nobody } from '../../access/nobody.ts'

/** The ledger of applied content migrations (content-migrations/), written only by the runner. */
export const ContentMigrations: CollectionConfig = {
  slug: 'content-migrations',
  labels: { singular: t('内容迁移', 'Content migration'), plural: t('内容迁移', 'Content migrations') },
  admin: { useAsTitle: 'name', group: t('系统', 'System'), defaultColumns: ['name', 'sample', 'createdAt'] },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, label: t('名称', 'Name'), admin: { readOnly: true } },
    {
      name: 'sample',
      type: 'checkbox',
      defaultValue: false,
      label: t('示例数据', 'Sample data'),
      admin: { readOnly: true },
    },
    { name: 'summary', type: 'textarea', label: t('结果', 'Result'), admin: { readOnly: true } },
  ],
}
