import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { coordinatorReadOnly } from '../../access/coordinatorReadOnly.ts'
import { parentRatingEndpoint } from '../../dispatch/ratingEndpoints.ts'
import { updateCourseRating } from './hooks/updateCourseRating.ts'

/**
 * 评单: what requesters (one per order) and checked-in parents (one per booking) thought of a session. No personal
 * data: a parent's rating holds a keyed hash of the booking code (its uniqueness key), so anonymising bookings later
 * keeps every rating. Staff read them per session, course and lecturer; the course keeps its count and average.
 */
export const Ratings: CollectionConfig = {
  slug: 'ratings',
  labels: { singular: t('评价', 'Rating'), plural: t('课程评价', 'Ratings') },
  admin: {
    group: t('点单送课', 'Course orders'),
    defaultColumns: ['course', 'session', 'lecturer', 'source', 'score', 'comment', 'createdAt'],
    listSearchableFields: ['comment'],
    // Count and average per course, lecturer and session (cms/components/RatingSummary).
    components: { beforeList: ['/components/RatingSummary/index.tsx#RatingSummary'] },
  },
  defaultSort: '-createdAt',
  access: coordinatorReadOnly,
  endpoints: [parentRatingEndpoint],
  hooks: { afterChange: [updateCourseRating] },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'course',
          type: 'relationship',
          relationTo: 'courses',
          required: true,
          index: true,
          label: t('课程', 'Course'),
        },
        {
          name: 'session',
          type: 'relationship',
          relationTo: 'course-sessions',
          index: true,
          label: t('场次', 'Session'),
        },
        { name: 'lecturer', type: 'relationship', relationTo: 'lecturers', index: true, label: t('讲师', 'Lecturer') },
      ],
    },
    { name: 'order', type: 'relationship', relationTo: 'course-orders', label: t('点单', 'Order') },
    {
      type: 'row',
      fields: [
        {
          name: 'source',
          type: 'select',
          required: true,
          index: true,
          options: [
            { value: 'requester', label: t('申请单位', 'Requester') },
            { value: 'parent', label: t('家长', 'Parent') },
          ],
          label: t('评价人', 'From'),
        },
        { name: 'score', type: 'number', required: true, min: 1, max: 5, label: t('评分（1–5）', 'Score (1–5)') },
      ],
    },
    { name: 'comment', type: 'textarea', maxLength: 300, label: t('评价内容', 'Comment') },
    // requester:<order id> or parent:<keyed hash of the booking code>: one rating each, enforced by the database.
    { name: 'uniqueKey', type: 'text', required: true, unique: true, admin: { hidden: true } },
  ],
}
