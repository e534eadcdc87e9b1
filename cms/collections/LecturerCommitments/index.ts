import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { coordinatorReadOnly } from '../../access/coordinatorReadOnly.ts'

/**
 * The times each lecturer is held for: a pending offer, then the session it became. Written only by the dispatch
 * commitments store (cms/dispatch/commitments), whose database rule refuses two active, overlapping commitments of
 * one lecturer, so no lecturer is ever booked twice at once, even when two coordinators assign at the same moment.
 * Released commitments stay (nothing is deleted).
 */
export const LecturerCommitments: CollectionConfig = {
  slug: 'lecturer-commitments',
  labels: { singular: t('讲师安排', 'Lecturer commitment'), plural: t('讲师安排', 'Lecturer commitments') },
  admin: {
    group: t('点单送课', 'Course orders'),
    defaultColumns: ['lecturer', 'startsAt', 'endsAt', 'kind', 'status', 'order', 'session'],
  },
  defaultSort: 'startsAt',
  access: coordinatorReadOnly,
  fields: [
    {
      name: 'lecturer',
      type: 'relationship',
      relationTo: 'lecturers',
      required: true,
      index: true,
      label: t('讲师', 'Lecturer'),
    },
    {
      name: 'startsAt',
      type: 'date',
      required: true,
      index: true,
      label: t('开始', 'Starts'),
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'endsAt',
      type: 'date',
      required: true,
      label: t('结束', 'Ends'),
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: [
        { value: 'offer', label: t('待讲师答复', 'Offer') },
        { value: 'session', label: t('已排场次', 'Session') },
      ],
      label: t('类型', 'Kind'),
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      options: [
        { value: 'active', label: t('有效', 'Active') },
        { value: 'released', label: t('已释放', 'Released') },
      ],
      label: t('状态', 'Status'),
    },
    { name: 'order', type: 'relationship', relationTo: 'course-orders', index: true, label: t('点单', 'Order') },
    { name: 'session', type: 'relationship', relationTo: 'course-sessions', label: t('场次', 'Session') },
    { name: 'releasedReason', type: 'text', label: t('释放原因', 'Released because') },
    // Slot keys (MongoDB only): `lecturer:5-minute index` for each 5 minutes held, under a unique index.
    { name: 'slotKeys', type: 'text', hasMany: true, admin: { hidden: true } },
  ],
}
