import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { coordinatorReadOnly } from '../../access/coordinatorReadOnly.ts'

export const notificationKinds = [
  { value: 'confirmed', label: t('报名成功', 'Confirmed') },
  { value: 'waitlisted', label: t('进入候补', 'Waitlisted') },
  { value: 'promoted', label: t('候补转正', 'Promoted') },
  { value: 'cancelled', label: t('已取消', 'Cancelled') },
] as const

/**
 * The outbox of messages to parents. Rows are written by the database in the same statement as the booking
 * change they announce (see cms/booking/sqlite/ddl.ts), then sent by the notifier; staff can see what went out.
 */
export const Notifications: CollectionConfig = {
  slug: 'notifications',
  labels: { singular: t('通知', 'Notification'), plural: t('通知记录', 'Notifications') },
  admin: {
    group: t('福家大讲堂', 'Courses'),
    defaultColumns: ['booking', 'kind', 'status', 'channel', 'sentAt'],
  },
  defaultSort: '-createdAt',
  access: coordinatorReadOnly,
  fields: [
    { name: 'booking', type: 'relationship', relationTo: 'bookings', index: true, label: t('报名', 'Booking') },
    { name: 'kind', type: 'select', required: true, options: [...notificationKinds], label: t('类型', 'Kind') },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      label: t('状态', 'Status'),
      options: [
        { value: 'pending', label: t('待发送', 'Pending') },
        { value: 'sending', label: t('发送中', 'Sending') },
        { value: 'sent', label: t('已发送', 'Sent') },
        { value: 'logged', label: t('未发送：未配置短信通道', 'Not sent: no SMS gateway configured') },
        { value: 'failed', label: t('发送失败', 'Failed') },
      ],
    },
    { name: 'attempts', type: 'number', defaultValue: 0, label: t('尝试次数', 'Attempts') },
    { name: 'channel', type: 'text', label: t('渠道', 'Channel') },
    { name: 'message', type: 'textarea', label: t('内容', 'Message') },
    { name: 'error', type: 'text', label: t('错误', 'Error') },
    { name: 'sentAt', type: 'date', label: t('发送时间', 'Sent at') },
  ],
}
