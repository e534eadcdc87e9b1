import { randomBytes } from 'node:crypto'
import type { Field } from 'payload'
import { t } from '../../common/i18n.ts'
import { fieldHasRole } from '../access/hasRole.ts'
import { systemOnly } from '../access/systemOnly.ts'

export const sessionVisibilities = ['public', 'invitation'] as const
export type SessionVisibility = (typeof sessionVisibilities)[number]

export const visibilityOptions = [
  { value: 'public', label: t('公开（网站列出，人人可报名）', 'Public (listed, anyone may book)') },
  { value: 'invitation', label: t('邀请制（不公开，凭链接报名）', 'By invitation (unlisted, booked through a link)') },
]

/**
 * What a session carries from the order it was scheduled for: lecturer, order, interaction mode, and whether it is
 * public or by invitation (with the invite token, which only coordinators ever read).
 */
export const sessionDispatchFields: Field[] = [
  {
    name: 'visibility',
    type: 'select',
    defaultValue: 'public',
    index: true,
    options: visibilityOptions,
    label: t('公开范围', 'Visibility'),
    admin: { position: 'sidebar' },
  },
  {
    name: 'inviteToken',
    type: 'text',
    index: true,
    label: t('邀请码', 'Invite token'),
    access: { read: fieldHasRole('coordinator'), create: systemOnly, update: systemOnly },
    // A session made (or switched to) by invitation in the admin gets its token here.
    hooks: {
      beforeChange: [
        ({ value, siblingData, originalDoc }) =>
          value ||
          (originalDoc as { inviteToken?: string } | undefined)?.inviteToken ||
          (siblingData?.visibility === 'invitation' ? randomBytes(16).toString('base64url') : value),
      ],
    },
    admin: {
      position: 'sidebar',
      readOnly: true,
      condition: (_, sibling) => sibling?.visibility === 'invitation',
      description: t('邀请链接中的口令，由系统生成', 'The secret in the invite link, set by the platform'),
    },
  },
  {
    name: 'lecturer',
    type: 'relationship',
    relationTo: 'lecturers',
    index: true,
    label: t('讲师', 'Lecturer'),
  },
  {
    type: 'row',
    fields: [
      {
        name: 'order',
        type: 'relationship',
        relationTo: 'course-orders',
        label: t('来自点单', 'From order'),
        access: { read: fieldHasRole('coordinator'), update: systemOnly, create: systemOnly },
        admin: { readOnly: true },
      },
      {
        name: 'interactionMode',
        type: 'relationship',
        relationTo: 'interaction-modes',
        label: t('互动形式', 'Interaction mode'),
      },
    ],
  },
  {
    name: 'rateInvitesSentAt',
    type: 'date',
    label: t('评价邀请发出时间', 'Rating invitations sent'),
    access: { create: systemOnly, update: systemOnly },
    admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
  },
]
