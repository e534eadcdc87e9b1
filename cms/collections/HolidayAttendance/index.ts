import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { hasRole } from '../../access/hasRole.ts'
import { nobody } from '../../access/nobody.ts'
import { holidayGroup } from '../HolidayProgrammes/index.ts'

/**
 * One child's attendance on one day of a session: present (checked in) or absent. One row per registration and
 * day (a unique index the store installs); child-visits (人次) are the present rows. Written by the staff
 * endpoints through the store.
 */
export const HolidayAttendance: CollectionConfig = {
  slug: 'holiday-attendance',
  labels: { singular: t('签到记录', 'Attendance'), plural: t('每日签到', 'Attendance') },
  admin: { group: holidayGroup, defaultColumns: ['session', 'day', 'registration', 'status', 'at'] },
  defaultSort: '-day',
  access: { read: hasRole('coordinator'), create: nobody, update: nobody, delete: hasRole('admin') },
  fields: [
    {
      name: 'registration',
      type: 'relationship',
      relationTo: 'holiday-registrations',
      required: true,
      index: true,
      label: t('报名', 'Registration'),
    },
    {
      name: 'session',
      type: 'relationship',
      relationTo: 'holiday-sessions',
      required: true,
      index: true,
      label: t('场次', 'Session'),
    },
    { name: 'day', type: 'text', required: true, index: true, label: t('日期', 'Day') },
    {
      name: 'status',
      type: 'select',
      required: true,
      options: [
        { value: 'present', label: t('已签到', 'Present') },
        { value: 'absent', label: t('缺席', 'Absent') },
      ],
      label: t('状态', 'Status'),
    },
    {
      name: 'at',
      type: 'date',
      label: t('记录时间', 'Recorded at'),
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'by', type: 'relationship', relationTo: 'users', label: t('记录人', 'Recorded by') },
  ],
}
