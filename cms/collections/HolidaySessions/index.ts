import type { CollectionConfig, Field } from 'payload'
import { streetOptions } from '../../../common/district.ts'
import { gradeOptions } from '../../../common/household/grades.ts'
import { t } from '../../../common/i18n.ts'
import { hasRole } from '../../access/hasRole.ts'
import { streetScoped } from '../../access/streetScope.ts'
import { sessionStatusField } from '../../fields/sessionStatus.ts'
import { storeCount } from '../../fields/storeCount.ts'
import { rosterTab } from '../../lib/rosterTab.ts'
import { marksSiteStale } from '../../publishing/markStale.ts'
import { holidayGroup } from '../HolidayProgrammes/index.ts'
import { publishedProgrammeOrStaff } from './access/publishedProgrammeOrStaff.ts'
import { seatsEndpoint } from './endpoints/seats.ts'
import { staffHolidayEndpoints } from './endpoints/staff.ts'
import { setSchedule } from './hooks/setSchedule.ts'
import { settleRegistrations } from './hooks/settleRegistrations.ts'

export const holidaySessionCodePattern = /^[A-Z0-9]{2,8}-\d{1,4}$/
const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/
const datePattern = /^\d{4}-\d{2}-\d{2}$/

/** Written by the schedule hook on every save (whatever a request sends is replaced). */
const instant = (name: string, label: ReturnType<typeof t>): Field => ({
  name,
  type: 'date',
  label,
  admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
})

/** A session (期) of a holiday programme: one or several days at one venue, seats counted in children. */
export const HolidaySessions: CollectionConfig = {
  slug: 'holiday-sessions',
  labels: { singular: t('假期活动场次', 'Holiday session'), plural: t('假期活动场次', 'Holiday sessions') },
  admin: {
    useAsTitle: 'title',
    group: holidayGroup,
    defaultColumns: ['code', 'title', 'wave', 'venue.street', 'capacity', 'confirmedCount', 'status'],
    // The coordinator's tab: each day's roster, check-in by code or tick, absences and the export.
    components: {
      views: {
        edit: rosterTab('/components/HolidayRoster/index.tsx#HolidayRosterView', {
          zh: '每日签到',
          en: 'Daily roster',
        }),
      },
    },
  },
  defaultSort: 'code',
  access: {
    read: publishedProgrammeOrStaff,
    create: hasRole('coordinator'),
    update: streetScoped('venue.street'),
    delete: streetScoped('venue.street'),
  },
  endpoints: [seatsEndpoint, ...staffHolidayEndpoints],
  hooks: { beforeChange: [setSchedule], afterChange: [settleRegistrations], ...marksSiteStale() },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'code',
          type: 'text',
          required: true,
          unique: true,
          label: t('场次编号', 'Code'),
          validate: (v: string | null | undefined) =>
            holidaySessionCodePattern.test(v ?? '') || '场次编号格式如 WY26W-001',
        },
        { name: 'title', type: 'text', required: true, maxLength: 60, label: t('活动名称', 'Title') },
      ],
    },
    {
      name: 'slug',
      type: 'text',
      index: true,
      label: t('网址别名', 'Slug'),
      admin: { position: 'sidebar', description: t('留空则用场次编号', 'Left empty, the code is used') },
      hooks: {
        beforeValidate: [
          ({ value, data }) => value || (typeof data?.code === 'string' ? data.code.toLowerCase() : value),
        ],
      },
    },
    { name: 'summary', type: 'textarea', maxLength: 600, label: t('简介', 'Summary') },
    {
      type: 'row',
      fields: [
        {
          name: 'wave',
          type: 'relationship',
          relationTo: 'holiday-waves',
          required: true,
          index: true,
          label: t('报名批次', 'Wave'),
        },
        {
          name: 'programme',
          type: 'relationship',
          relationTo: 'holiday-programmes',
          index: true,
          label: t('假期项目', 'Programme'),
          admin: { readOnly: true, description: t('随报名批次自动填写', 'Follows the wave') },
        },
      ],
    },
    {
      name: 'venue',
      type: 'group',
      label: t('地点', 'Venue'),
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'street', type: 'select', required: true, options: streetOptions, label: t('街道', 'Street') },
            { name: 'community', type: 'text', maxLength: 40, label: t('社区', 'Community') },
          ],
        },
        { name: 'address', type: 'text', maxLength: 120, label: t('详细地址', 'Address') },
      ],
    },
    {
      name: 'days',
      type: 'array',
      required: true,
      minRows: 1,
      maxRows: 31,
      label: t('活动日期', 'Days'),
      labels: { singular: t('一天', 'Day'), plural: t('活动日期', 'Days') },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'date',
              type: 'text',
              required: true,
              label: t('日期（如 2026-01-26）', 'Date (YYYY-MM-DD)'),
              validate: (v: string | null | undefined) =>
                (datePattern.test(v ?? '') && !Number.isNaN(Date.parse(v ?? ''))) || '日期格式如 2026-01-26',
            },
            {
              name: 'startTime',
              type: 'text',
              required: true,
              label: t('开始（如 09:00）', 'Starts (HH:mm)'),
              validate: (v: string | null | undefined) => timePattern.test(v ?? '') || '时间格式如 09:00',
            },
            {
              name: 'endTime',
              type: 'text',
              required: true,
              label: t('结束（如 11:30）', 'Ends (HH:mm)'),
              validate: (v: string | null | undefined, { siblingData }: { siblingData: { startTime?: string } }) =>
                !timePattern.test(v ?? '')
                  ? '时间格式如 11:30'
                  : (v ?? '') > (siblingData.startTime ?? '') || '结束时间应晚于开始时间',
            },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'gradeFrom',
          type: 'select',
          required: true,
          options: gradeOptions,
          label: t('最低年级', 'From grade'),
        },
        { name: 'gradeTo', type: 'select', required: true, options: gradeOptions, label: t('最高年级', 'To grade') },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'capacity', type: 'number', required: true, min: 1, max: 500, label: t('名额（孩子数）', 'Capacity') },
        {
          name: 'waitlistSize',
          type: 'number',
          required: true,
          min: 0,
          max: 500,
          defaultValue: 0,
          label: t('候补名额', 'Waitlist size'),
        },
        { name: 'price', type: 'number', min: 0, defaultValue: 0, label: t('费用（元，0 为免费）', 'Price (yuan)') },
      ],
    },
    { name: 'bring', type: 'textarea', maxLength: 300, label: t('需携带物品', 'What to bring') },
    {
      name: 'contact',
      type: 'group',
      label: t('工作人员联系方式', 'Staff contact'),
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', maxLength: 20, label: t('联系人', 'Name') },
            { name: 'phone', type: 'text', maxLength: 20, label: t('联系电话', 'Phone') },
          ],
        },
      ],
    },
    { name: 'cover', type: 'upload', relationTo: 'media', label: t('封面图', 'Cover image') },
    sessionStatusField,
    instant('startsAt', t('首日开始', 'First day starts')),
    instant('endsAt', t('末日结束', 'Last day ends')),
    instant('cancellationDeadline', t('取消截止', 'Cancellation deadline')),
    storeCount('confirmedCount', t('已确认人数', 'Confirmed')),
    storeCount('waitlistedCount', t('候补人数', 'Waitlisted')),
  ],
}
