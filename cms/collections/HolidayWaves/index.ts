import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { hasRole } from '../../access/hasRole.ts'
import { DEFAULT_CANCELLATION_HOURS } from '../../holiday/rules.ts'
import { lotteryAllocationOption, lotteryWaveFields } from '../../lottery/waveFields.ts'
import { marksSiteStale } from '../../publishing/markStale.ts'
import { holidayGroup } from '../HolidayProgrammes/index.ts'
import { publishedProgrammeOrStaff } from '../HolidaySessions/access/publishedProgrammeOrStaff.ts'

/**
 * A wave (批次) of a programme: registration for its sessions opens at one time for everyone, first come first
 * served, and each child may take at most `perChildCap` of its sessions.
 */
export const HolidayWaves: CollectionConfig = {
  slug: 'holiday-waves',
  labels: { singular: t('报名批次', 'Wave'), plural: t('报名批次', 'Waves') },
  admin: { useAsTitle: 'name', group: holidayGroup, defaultColumns: ['name', 'programme', 'opensAt', 'perChildCap'] },
  defaultSort: 'opensAt',
  access: {
    read: publishedProgrammeOrStaff,
    create: hasRole('coordinator'),
    update: hasRole('coordinator'),
    delete: hasRole('coordinator'),
  },
  hooks: marksSiteStale(),
  fields: [
    {
      name: 'programme',
      type: 'relationship',
      relationTo: 'holiday-programmes',
      required: true,
      index: true,
      label: t('假期项目', 'Programme'),
    },
    { name: 'name', type: 'text', required: true, maxLength: 40, label: t('批次名称', 'Name') },
    {
      type: 'row',
      fields: [
        {
          name: 'opensAt',
          type: 'date',
          required: true,
          timezone: true,
          label: t('开始报名', 'Registration opens'),
          admin: { date: { pickerAppearance: 'dayAndTime', timeIntervals: 5 } },
        },
        {
          name: 'closesAt',
          type: 'date',
          timezone: true,
          label: t('报名截止', 'Registration closes'),
          admin: { date: { pickerAppearance: 'dayAndTime', timeIntervals: 5 } },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'perChildCap',
          type: 'number',
          required: true,
          min: 1,
          max: 20,
          defaultValue: 2,
          label: t('每个孩子最多报名期数', 'Sessions per child'),
        },
        {
          name: 'cancellationHoursBefore',
          type: 'number',
          min: 0,
          max: 24 * 14,
          defaultValue: DEFAULT_CANCELLATION_HOURS,
          label: t('首日开始前多少小时截止取消', 'Cancellation closes hours before the first day'),
        },
        {
          name: 'allocation',
          type: 'select',
          required: true,
          defaultValue: 'fcfs',
          options: [{ value: 'fcfs', label: t('先到先得', 'First come, first served') }, lotteryAllocationOption],
          label: t('名额分配方式', 'Allocation'),
        },
      ],
    },
    ...lotteryWaveFields,
  ],
}
