import type { CollectionConfig } from 'payload'
import { bookingFields, cancelReasonField } from '../../../common/booking/fields.ts'
import { bookingStatuses } from '../../../common/booking/status.ts'
import { ageBands } from '../../../common/catalogue.ts'
import { streetOptions } from '../../../common/district.ts'
import { t } from '../../../common/i18n.ts'
import { hasRole } from '../../access/hasRole.ts'
import { nobody } from '../../access/nobody.ts'
import { systemOnly } from '../../access/systemOnly.ts'
import { publicBookingEndpoints } from './endpoints/public.ts'
import { staffBookingEndpoints } from './endpoints/staff.ts'
import { maskPhoneInLists } from './hooks/maskPhoneInLists.ts'

const timestamp = (name: string, label: ReturnType<typeof t>) => ({
  name,
  type: 'date' as const,
  label,
  admin: { readOnly: true, position: 'sidebar' as const, date: { pickerAppearance: 'dayAndTime' as const } },
})

/**
 * Parents' bookings: personal information under PIPL, so only coordinators (and admins) read them.
 * Parents create bookings through the public booking endpoints, never through this collection's REST API;
 * status, code, consent and idempotency key change only through the booking store, which keeps session counts right.
 * Deliberately absent: ID numbers, birth dates, children's names.
 * Indexes: the booking store creates the ones its queries use, (session, status, id) and the partial unique
 * (session, phone); every further index is one more page each booking's transaction writes.
 */
export const Bookings: CollectionConfig = {
  slug: 'bookings',
  labels: { singular: t('报名', 'Booking'), plural: t('报名记录', 'Bookings') },
  admin: {
    useAsTitle: 'code',
    group: t('福家大讲堂', 'Courses'),
    defaultColumns: ['code', 'session', 'parentName', 'status', 'createdAt'],
  },
  endpoints: [...publicBookingEndpoints, ...staffBookingEndpoints],
  access: {
    read: hasRole('coordinator'),
    create: nobody,
    update: hasRole('coordinator'),
    delete: hasRole('admin'),
  },
  fields: [
    {
      name: 'session',
      type: 'relationship',
      relationTo: 'course-sessions',
      required: true,
      label: t('场次', 'Session'),
    },
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      label: t('报名码', 'Code'),
      access: { update: systemOnly },
      admin: { readOnly: true },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      options: [...bookingStatuses],
      label: t('状态', 'Status'),
      access: { update: systemOnly },
      admin: { readOnly: true },
    },
    {
      name: 'parentName',
      type: 'text',
      required: true,
      maxLength: bookingFields.parentName.maxLength,
      label: t('家长姓名', 'Parent name'),
    },
    {
      name: 'phone',
      type: 'text',
      required: true,
      label: t('手机号', 'Mobile'),
      hooks: { afterRead: [maskPhoneInLists] },
    },
    { name: 'email', type: 'email', label: t('邮箱（选填）', 'Email (optional)') },
    {
      name: 'childAgeBand',
      type: 'select',
      required: true,
      options: [...ageBands],
      label: t('孩子年龄段', "Child's age band"),
    },
    {
      type: 'row',
      fields: [
        { name: 'street', type: 'select', required: true, options: streetOptions, label: t('街道', 'Street') },
        {
          name: 'community',
          type: 'text',
          maxLength: bookingFields.community.maxLength,
          label: t('社区', 'Community'),
        },
      ],
    },
    {
      name: 'attendees',
      type: 'number',
      required: true,
      min: bookingFields.attendees.min,
      max: bookingFields.attendees.max,
      defaultValue: bookingFields.attendees.min,
      label: t('参加人数', 'Attendees'),
    },
    {
      name: 'guardianConsent',
      type: 'group',
      label: t('监护人同意', 'Guardian consent'),
      access: { update: systemOnly },
      admin: { readOnly: true },
      fields: [
        { name: 'given', type: 'checkbox', required: true, label: t('已同意', 'Given') },
        { name: 'at', type: 'date', required: true, label: t('同意时间', 'At') },
        { name: 'policyVersion', type: 'text', required: true, label: t('政策版本', 'Policy version') },
      ],
    },
    {
      name: 'idempotencyKey',
      type: 'text',
      required: true,
      unique: true,
      access: { update: systemOnly },
      admin: { hidden: true },
    },
    {
      name: 'cancelReason',
      type: 'text',
      maxLength: cancelReasonField.maxLength,
      label: t('取消原因（家长可见）', 'Cancellation reason (shown to the parent)'),
    },
    timestamp('cancelledAt', t('取消时间', 'Cancelled at')),
    timestamp('promotedAt', t('转正时间', 'Promoted at')),
    timestamp('checkedInAt', t('签到时间', 'Checked in at')),
    timestamp('anonymisedAt', t('个人信息删除时间', 'Personal data removed at')),
  ],
}
