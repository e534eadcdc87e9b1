import type { CollectionConfig } from 'payload'
import { streetOptions } from '../../../common/district.ts'
import { t } from '../../../common/i18n.ts'
import { hasRole } from '../../access/hasRole.ts'
import { nobody } from '../../access/nobody.ts'
import { streetScoped } from '../../access/streetScope.ts'
import { systemOnly } from '../../access/systemOnly.ts'
import { demandSignalEndpoints } from './endpoints/public.ts'

/**
 * '我的社区也想听': a parent asks for a course in their community. Counts per course × community guide where the
 * federation sends lecturers; the phone number is kept only as a keyed hash (one signal per phone per course,
 * enforced by a unique index), never in clear. Staff read; nobody edits.
 */
export const DemandSignals: CollectionConfig = {
  slug: 'demand-signals',
  labels: { singular: t('想听登记', 'Demand signal'), plural: t('想听登记', 'Demand signals') },
  admin: {
    group: t('点单送课', 'Course orders'),
    defaultColumns: ['course', 'street', 'community', 'createdAt'],
    components: { beforeListTable: ['/components/DemandCounts/index.tsx#DemandCounts'] },
  },
  defaultSort: '-createdAt',
  endpoints: demandSignalEndpoints,
  indexes: [{ fields: ['course', 'phoneHash'], unique: true }],
  access: { read: streetScoped('street'), create: nobody, update: nobody, delete: hasRole('admin') },
  fields: [
    {
      name: 'course',
      type: 'relationship',
      relationTo: 'courses',
      required: true,
      index: true,
      label: t('课程', 'Course'),
    },
    { name: 'street', type: 'select', required: true, options: streetOptions, label: t('街道', 'Street') },
    {
      name: 'community',
      type: 'relationship',
      relationTo: 'communities',
      required: true,
      label: t('社区', 'Community'),
    },
    {
      name: 'phoneHash',
      type: 'text',
      required: true,
      label: t('手机号摘要', 'Phone hash'),
      admin: { hidden: true },
      access: { read: systemOnly },
    },
  ],
}
