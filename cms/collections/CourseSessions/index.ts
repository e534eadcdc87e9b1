import type { CollectionConfig, DateField } from 'payload'
import { streetOptions } from '../../../common/district.ts'
import { t } from '../../../common/i18n.ts'
import { fieldHasRole, hasRole } from '../../access/hasRole.ts'
import { streetScoped } from '../../access/streetScope.ts'
import { invitationEndpoint } from '../../dispatch/invitation.ts'
import { sessionDispatchFields } from '../../dispatch/sessionFields.ts'
import { sessionStatusField } from '../../fields/sessionStatus.ts'
import { storeCount } from '../../fields/storeCount.ts'
import { rosterTab } from '../../lib/rosterTab.ts'
import { marksSiteStale } from '../../publishing/markStale.ts'
import { publishedCourseOrStaff } from './access/publishedCourseOrStaff.ts'
import { availabilityEndpoint } from './endpoints/availability.ts'
import { staffSessionEndpoints } from './endpoints/staff.ts'
import { completeBookingWindow } from './hooks/completeBookingWindow.ts'
import { keepToOwnStreets } from './hooks/keepToOwnStreets.ts'
import { setSessionTitle } from './hooks/setSessionTitle.ts'
import { settleBookings } from './hooks/settleBookings.ts'

const dateTime = (name: string, label: ReturnType<typeof t>, required = false): DateField => ({
  name,
  type: 'date',
  required,
  timezone: true,
  label,
  admin: { date: { pickerAppearance: 'dayAndTime', timeIntervals: 15 } },
})

export const CourseSessions: CollectionConfig = {
  slug: 'course-sessions',
  labels: { singular: t('开课场次', 'Course session'), plural: t('开课场次', 'Course sessions') },
  admin: {
    useAsTitle: 'title',
    group: t('福家大讲堂', 'Courses'),
    defaultColumns: ['title', 'venue.street', 'capacity', 'confirmedCount', 'waitlistedCount', 'status'],
    // The coordinator's tab: roster, check-in, no-shows, promotion, cancellations and exports.
    components: {
      views: {
        edit: rosterTab('/components/SessionRoster/index.tsx#SessionRosterView', {
          zh: '名单与签到',
          en: 'Roster & check-in',
        }),
      },
    },
  },
  defaultSort: 'startsAt',
  access: {
    read: publishedCourseOrStaff,
    create: hasRole('coordinator'),
    update: streetScoped('venue.street'),
    delete: streetScoped('venue.street'),
  },
  endpoints: [availabilityEndpoint, invitationEndpoint, ...staffSessionEndpoints],
  hooks: {
    beforeValidate: [completeBookingWindow],
    beforeChange: [keepToOwnStreets, setSessionTitle],
    afterChange: [settleBookings],
    ...marksSiteStale(),
  },
  fields: [
    { name: 'title', type: 'text', label: t('场次', 'Session'), admin: { readOnly: true, hidden: true } },
    {
      name: 'course',
      type: 'relationship',
      relationTo: 'courses',
      required: true,
      index: true,
      label: t('课程', 'Course'),
    },
    {
      type: 'row',
      fields: [dateTime('startsAt', t('开始时间', 'Starts'), true), dateTime('endsAt', t('结束时间', 'Ends'), true)],
    },
    {
      name: 'venue',
      type: 'group',
      label: t('地点', 'Venue'),
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'street', type: 'select', options: streetOptions, label: t('街道', 'Street') },
            { name: 'community', type: 'text', label: t('社区', 'Community') },
          ],
        },
        { name: 'address', type: 'text', label: t('详细地址', 'Address') },
      ],
    },
    {
      name: 'onlineLink',
      type: 'text',
      label: t('线上课程链接', 'Online link'),
      // Sent to booked parents only; never published on the static site.
      access: { read: fieldHasRole('coordinator') },
      validate: (v: string | null | undefined) =>
        !v || /^https?:\/\/\S+$/.test(v) || '请输入以 http:// 或 https:// 开头的网址',
    },
    {
      type: 'row',
      fields: [
        { name: 'capacity', type: 'number', required: true, min: 1, max: 2000, label: t('名额', 'Capacity') },
        {
          name: 'waitlistSize',
          type: 'number',
          required: true,
          min: 0,
          max: 2000,
          defaultValue: 0,
          label: t('候补名额', 'Waitlist size'),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        dateTime('bookingOpensAt', t('报名开始', 'Booking opens')),
        dateTime('bookingClosesAt', t('报名截止', 'Booking closes')),
        dateTime('cancellationDeadline', t('取消截止', 'Cancellation deadline')),
      ],
    },
    sessionStatusField,
    {
      name: 'cancelReason',
      type: 'text',
      maxLength: 200,
      label: t('取消原因（告知家长）', 'Cancellation reason (told to parents)'),
      admin: { position: 'sidebar', condition: (_, sibling) => sibling?.status === 'cancelled' },
    },
    storeCount('confirmedCount', t('已确认人数', 'Confirmed')),
    storeCount('waitlistedCount', t('候补人数', 'Waitlisted')),
    ...sessionDispatchFields,
  ],
}
