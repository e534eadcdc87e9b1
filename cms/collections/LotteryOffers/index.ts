import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { coordinatorReadOnly } from '../../access/coordinatorReadOnly.ts'
import { holidayGroup } from '../HolidayProgrammes/index.ts'

export const offerStatuses = [
  { value: 'offered', label: t('待确认', 'Offered') },
  { value: 'confirmed', label: t('已确认', 'Confirmed') },
  { value: 'declined', label: t('已放弃', 'Declined') },
  { value: 'expired', label: t('逾期', 'Expired') },
] as const

/**
 * A seat the draw (or a later round) offers an entry: at most one per entry (unique), confirmed by the household
 * before `expiresAt` into a holiday registration. Written by cms/lottery only.
 */
export const LotteryOffers: CollectionConfig = {
  slug: 'lottery-offers',
  labels: { singular: t('摇号录取', 'Lottery offer'), plural: t('摇号录取', 'Lottery offers') },
  admin: {
    useAsTitle: 'entryCode',
    group: holidayGroup,
    defaultColumns: ['entryCode', 'session', 'round', 'status', 'expiresAt'],
  },
  access: coordinatorReadOnly,
  fields: [
    {
      name: 'wave',
      type: 'relationship',
      relationTo: 'holiday-waves',
      required: true,
      index: true,
      label: t('批次', 'Wave'),
    },
    {
      name: 'entry',
      type: 'relationship',
      relationTo: 'lottery-entries',
      required: true,
      unique: true,
      label: t('报名', 'Entry'),
    },
    { name: 'entryCode', type: 'text', required: true, label: t('抽签码', 'Entry code') },
    {
      name: 'household',
      type: 'relationship',
      relationTo: 'households',
      required: true,
      index: true,
      label: t('家庭', 'Household'),
    },
    { name: 'child', type: 'relationship', relationTo: 'children', required: true, label: t('孩子', 'Child') },
    {
      name: 'session',
      type: 'relationship',
      relationTo: 'holiday-sessions',
      required: true,
      label: t('场次', 'Session'),
    },
    { name: 'round', type: 'number', required: true, label: t('轮次', 'Round') },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'offered',
      index: true,
      options: [...offerStatuses],
      label: t('状态', 'Status'),
    },
    {
      name: 'expiresAt',
      type: 'date',
      required: true,
      label: t('确认截止', 'Confirm by'),
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'registration',
      type: 'relationship',
      relationTo: 'holiday-registrations',
      label: t('报名记录', 'Registration'),
    },
  ],
}
