import type { Field } from 'payload'
import { t } from '../../common/i18n.ts'
import { systemOnly } from '../access/systemOnly.ts'

/** Kept by the ratings collection's hook (cms/dispatch/ratings.ts); the course page shows them from 5 ratings on. */
export const courseRatingFields: Field[] = [
  {
    type: 'row',
    admin: { position: 'sidebar' },
    fields: [
      {
        name: 'ratingCount',
        type: 'number',
        defaultValue: 0,
        label: t('评价数', 'Ratings'),
        access: { create: systemOnly, update: systemOnly },
        admin: { readOnly: true },
      },
      {
        name: 'ratingAverage',
        type: 'number',
        label: t('平均评分', 'Average rating'),
        access: { create: systemOnly, update: systemOnly },
        admin: { readOnly: true },
      },
    ],
  },
]
