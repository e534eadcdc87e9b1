import type { Field } from 'payload'
import { t } from '../../common/i18n.ts'
import { fieldHasRole } from '../access/hasRole.ts'

const staffOnly = {
  read: fieldHasRole('coordinator'),
  create: fieldHasRole('coordinator'),
  update: fieldHasRole('coordinator'),
}

export const weekdayOptions = [
  { value: '1', label: t('周一', 'Monday') },
  { value: '2', label: t('周二', 'Tuesday') },
  { value: '3', label: t('周三', 'Wednesday') },
  { value: '4', label: t('周四', 'Thursday') },
  { value: '5', label: t('周五', 'Friday') },
  { value: '6', label: t('周六', 'Saturday') },
  { value: '7', label: t('周日', 'Sunday') },
]

const clockTime = (v: string | null | undefined) =>
  /^([01]\d|2[0-3]):[0-5]\d$/.test(v ?? '') || '请按 24 小时制填写，如 09:00'

/**
 * What dispatch needs to know about a lecturer: how to reach them with an offer, when they can teach (weekly slots,
 * blocked dates) and how many sessions a month they take. Coordinators only: none of it is published.
 */
export const lecturerDispatchFields: Field[] = [
  {
    type: 'collapsible',
    label: t('派单信息（不公开）', 'Dispatch (not published)'),
    admin: { initCollapsed: true },
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'contactPhone',
            type: 'text',
            access: staffOnly,
            label: t('手机（接收邀请短信）', 'Mobile (offers)'),
          },
          {
            name: 'contactEmail',
            type: 'email',
            access: staffOnly,
            label: t('电子邮箱（接收邀请邮件）', 'Email (offers)'),
          },
          {
            name: 'monthlyCap',
            type: 'number',
            min: 0,
            max: 60,
            defaultValue: 4,
            access: staffOnly,
            label: t('每月最多场次', 'Sessions per month at most'),
          },
        ],
      },
      {
        name: 'weeklySlots',
        type: 'array',
        access: staffOnly,
        label: t('每周可授课时间', 'Weekly availability'),
        labels: { singular: t('时段', 'Slot'), plural: t('时段', 'Slots') },
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'weekday', type: 'select', required: true, options: weekdayOptions, label: t('星期', 'Weekday') },
              { name: 'from', type: 'text', required: true, validate: clockTime, label: t('从', 'From') },
              { name: 'to', type: 'text', required: true, validate: clockTime, label: t('至', 'To') },
            ],
          },
        ],
      },
      {
        name: 'blockedDates',
        type: 'array',
        access: staffOnly,
        label: t('不可授课日期', 'Blocked dates'),
        labels: { singular: t('日期', 'Date'), plural: t('日期', 'Dates') },
        fields: [
          {
            type: 'row',
            fields: [
              {
                name: 'date',
                type: 'date',
                required: true,
                label: t('日期', 'Date'),
                admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } },
              },
              { name: 'note', type: 'text', maxLength: 100, label: t('说明', 'Note') },
            ],
          },
        ],
      },
    ],
  },
]
