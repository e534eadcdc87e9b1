import type { Field } from 'payload'
import { t } from '../../common/i18n.ts'
import { systemOnly } from '../access/systemOnly.ts'
import { visibilityOptions } from './sessionFields.ts'

export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn'] as const
export type OfferStatus = (typeof OFFER_STATUSES)[number]

const offerStatusLabels: Record<OfferStatus, ReturnType<typeof t>> = {
  pending: t('待讲师答复', 'Awaiting the lecturer'),
  accepted: t('讲师已接受', 'Accepted'),
  declined: t('讲师已谢绝', 'Declined'),
  expired: t('逾期未答复', 'Expired'),
  withdrawn: t('已撤回', 'Withdrawn'),
}

const when = (name: string, label: ReturnType<typeof t>): Field => ({
  name,
  type: 'date',
  label,
  admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
})

/**
 * The order's dispatch fields, written only by the dispatch code (through a transition's patch): the current offer
 * to a lecturer, the lecturer who accepted, the session the order became and whether it is public or by invitation.
 */
export const dispatchFields: Field[] = [
  {
    // The dispatcher's panel (cms/components/OrderDispatch): candidates, the offer, the session, the history.
    name: 'dispatchPanel',
    type: 'ui',
    admin: {
      components: { Field: '/components/OrderDispatch/index.tsx#OrderDispatch' },
      condition: (data) => Boolean(data?.id),
    },
  },
  {
    name: 'offer',
    type: 'group',
    label: t('讲师邀请', 'Lecturer offer'),
    access: { create: systemOnly, update: systemOnly },
    admin: { readOnly: true },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'lecturer', type: 'relationship', relationTo: 'lecturers', label: t('讲师', 'Lecturer') },
          {
            name: 'status',
            type: 'select',
            options: OFFER_STATUSES.map((value) => ({ value, label: offerStatusLabels[value] })),
            label: t('答复', 'Answer'),
          },
        ],
      },
      { type: 'row', fields: [when('startsAt', t('开始', 'Starts')), when('endsAt', t('结束', 'Ends'))] },
      { type: 'row', fields: [when('sentAt', t('发出时间', 'Sent')), when('expiresAt', t('答复期限', 'Answer by'))] },
      { name: 'place', type: 'text', label: t('地点', 'Place') },
      { name: 'declineReason', type: 'text', label: t('谢绝原因', 'Reason given') },
      // The current offer's nonce: a link to an earlier offer of the same order no longer answers.
      { name: 'nonce', type: 'text', admin: { hidden: true } },
      { name: 'commitment', type: 'relationship', relationTo: 'lecturer-commitments', admin: { hidden: true } },
      { name: 'sentBy', type: 'relationship', relationTo: 'users', label: t('发出人', 'Sent by') },
    ],
  },
  {
    type: 'row',
    fields: [
      {
        name: 'lecturer',
        type: 'relationship',
        relationTo: 'lecturers',
        label: t('主讲讲师', 'Lecturer'),
        access: { create: systemOnly, update: systemOnly },
        admin: { readOnly: true },
      },
      {
        name: 'session',
        type: 'relationship',
        relationTo: 'course-sessions',
        label: t('开课场次', 'Session'),
        access: { create: systemOnly, update: systemOnly },
        admin: { readOnly: true },
      },
      {
        name: 'visibility',
        type: 'select',
        defaultValue: 'invitation',
        options: visibilityOptions,
        label: t('场次公开范围', 'Session visibility'),
      },
    ],
  },
]
