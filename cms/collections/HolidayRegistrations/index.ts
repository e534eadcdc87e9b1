import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { hasRole } from '../../access/hasRole.ts'
import { nobody } from '../../access/nobody.ts'
import { holidayGroup } from '../HolidayProgrammes/index.ts'
import { publicRegistrationEndpoints } from './endpoints/public.ts'

export const registrationStatuses = [
  { value: 'confirmed', label: t('已确认', 'Confirmed') },
  { value: 'waitlisted', label: t('候补', 'Waitlisted') },
  { value: 'cancelled', label: t('已取消', 'Cancelled') },
] as const

const readOnlyDate = (name: string, label: ReturnType<typeof t>) => ({
  name,
  type: 'date' as const,
  label,
  admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' as const } },
})

/**
 * One child's seat (or waitlist place) in one holiday session. Written only by the registration store
 * (cms/holiday/stores), which keeps one active registration per child and session, the wave's per-child cap and
 * the session's counts in the database; staff read, never the public.
 */
export const HolidayRegistrations: CollectionConfig = {
  slug: 'holiday-registrations',
  labels: { singular: t('假期报名', 'Holiday registration'), plural: t('假期报名', 'Holiday registrations') },
  admin: {
    useAsTitle: 'code',
    group: holidayGroup,
    defaultColumns: ['code', 'session', 'child', 'status', 'createdAt'],
  },
  defaultSort: '-createdAt',
  access: { read: hasRole('coordinator'), create: nobody, update: nobody, delete: hasRole('admin') },
  endpoints: publicRegistrationEndpoints,
  fields: [
    { name: 'code', type: 'text', required: true, unique: true, label: t('报名码', 'Code'), admin: { readOnly: true } },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      options: [...registrationStatuses],
      label: t('状态', 'Status'),
      admin: { readOnly: true },
    },
    {
      name: 'session',
      type: 'relationship',
      relationTo: 'holiday-sessions',
      required: true,
      index: true,
      label: t('场次', 'Session'),
      admin: { readOnly: true },
    },
    {
      name: 'wave',
      type: 'relationship',
      relationTo: 'holiday-waves',
      required: true,
      index: true,
      label: t('报名批次', 'Wave'),
      admin: { readOnly: true },
    },
    {
      name: 'household',
      type: 'relationship',
      relationTo: 'households',
      index: true,
      label: t('家庭', 'Household'),
      admin: { readOnly: true },
    },
    {
      // Emptied by the retention job (cms/holiday/stores): the counts stay, the child does not.
      name: 'child',
      type: 'relationship',
      relationTo: 'children',
      index: true,
      label: t('孩子', 'Child'),
      admin: { readOnly: true },
    },
    {
      name: 'idempotencyKey',
      type: 'text',
      unique: true,
      label: t('请求标识', 'Idempotency key'),
      admin: { readOnly: true, hidden: true },
    },
    readOnlyDate('promotedAt', t('候补转正时间', 'Promoted at')),
    readOnlyDate('householdToldAt', t('已短信通知家庭', 'Household told by SMS')),
    readOnlyDate('cancelledAt', t('取消时间', 'Cancelled at')),
    {
      name: 'cancelReason',
      type: 'text',
      maxLength: 200,
      label: t('取消原因', 'Cancel reason'),
      admin: { readOnly: true },
    },
    readOnlyDate('anonymisedAt', t('个人信息删除时间', 'Personal data removed')),
  ],
}
