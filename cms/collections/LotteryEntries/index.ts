import type { CollectionConfig } from 'payload'
import { streetOptions } from '../../../common/district.ts'
import { t } from '../../../common/i18n.ts'
import { coordinatorReadOnly } from '../../access/coordinatorReadOnly.ts'
import { holidayGroup } from '../HolidayProgrammes/index.ts'
import { publicLotteryEntryEndpoints } from './endpoints/public.ts'

/**
 * One child's entry in a lottery wave: up to three ranked sessions. One per child and wave (a unique index); the
 * household changes or withdraws it (deleted) until entry closes. It holds no seat. Written by cms/lottery only.
 */
export const LotteryEntries: CollectionConfig = {
  slug: 'lottery-entries',
  labels: { singular: t('摇号报名', 'Lottery entry'), plural: t('摇号报名', 'Lottery entries') },
  admin: {
    useAsTitle: 'code',
    group: holidayGroup,
    defaultColumns: ['code', 'wave', 'street', 'priority', 'createdAt'],
  },
  access: coordinatorReadOnly,
  indexes: [{ fields: ['wave', 'child'], unique: true }],
  endpoints: publicLotteryEntryEndpoints,
  fields: [
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      label: t('抽签码', 'Entry code'),
      admin: { readOnly: true },
    },
    {
      name: 'wave',
      type: 'relationship',
      relationTo: 'holiday-waves',
      required: true,
      index: true,
      label: t('批次', 'Wave'),
    },
    {
      name: 'household',
      type: 'relationship',
      relationTo: 'households',
      required: true,
      index: true,
      label: t('家庭', 'Household'),
    },
    { name: 'child', type: 'relationship', relationTo: 'children', required: true, label: t('孩子', 'Child') },
    { name: 'street', type: 'select', required: true, options: streetOptions, label: t('居住街道', 'Street lived in') },
    {
      name: 'choices',
      type: 'array',
      required: true,
      minRows: 1,
      maxRows: 3,
      label: t('志愿（按顺序）', 'Choices (ranked)'),
      fields: [
        {
          name: 'session',
          type: 'relationship',
          relationTo: 'holiday-sessions',
          required: true,
          label: t('场次', 'Session'),
        },
      ],
    },
    { name: 'priority', type: 'checkbox', defaultValue: false, label: t('优先组', 'Priority group') },
  ],
}
