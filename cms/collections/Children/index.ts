import type { CollectionConfig } from 'payload'
import { householdFields as f } from '../../../common/household/fields.ts'
import { gradeOptions } from '../../../common/household/grades.ts'
import { t } from '../../../common/i18n.ts'
import { hasRole } from '../../access/hasRole.ts'
import { nobody } from '../../access/nobody.ts'
import { maskPhoneInLists } from '../Bookings/hooks/maskPhoneInLists.ts'

/**
 * A household's child, as the household entered it: the name or nickname staff call out, the grade and an
 * emergency contact. Deliberately absent: ID numbers, birth dates, photos. Children under 14 are minors under
 * PIPL: each record carries the guardian consent (policy version and time) it was given under. Households add
 * and delete their children through the public household endpoints; staff only read.
 */
export const Children: CollectionConfig = {
  slug: 'children',
  labels: { singular: t('孩子', 'Child'), plural: t('孩子', 'Children') },
  admin: {
    useAsTitle: 'name',
    group: t('福家·无忧假期', 'Holiday programmes'),
    defaultColumns: ['name', 'grade', 'household', 'createdAt'],
  },
  access: { read: hasRole('coordinator'), create: nobody, update: nobody, delete: hasRole('admin') },
  fields: [
    {
      name: 'household',
      type: 'relationship',
      relationTo: 'households',
      required: true,
      index: true,
      label: t('家庭', 'Household'),
      admin: { readOnly: true },
    },
    {
      name: 'name',
      type: 'text',
      required: true,
      maxLength: f.childName.maxLength,
      label: t('名字或小名', 'Name or nickname'),
      admin: { readOnly: true },
    },
    {
      name: 'grade',
      type: 'select',
      required: true,
      options: gradeOptions,
      label: t('年级', 'Grade'),
      admin: { readOnly: true },
    },
    {
      name: 'emergencyContact',
      type: 'group',
      label: t('紧急联系人', 'Emergency contact'),
      admin: { readOnly: true },
      fields: [
        { name: 'name', type: 'text', required: true, maxLength: f.contactName.maxLength, label: t('姓名', 'Name') },
        {
          name: 'phone',
          type: 'text',
          required: true,
          label: t('手机号', 'Mobile number'),
          hooks: { afterRead: [maskPhoneInLists] },
        },
      ],
    },
    {
      name: 'consent',
      type: 'group',
      label: t('监护人同意', 'Guardian consent'),
      admin: { readOnly: true },
      fields: [
        { name: 'policyVersion', type: 'text', required: true, label: t('政策版本', 'Policy version') },
        {
          name: 'at',
          type: 'date',
          required: true,
          label: t('同意时间', 'Given at'),
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
  ],
}
