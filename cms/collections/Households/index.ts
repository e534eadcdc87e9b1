import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { hasRole } from '../../access/hasRole.ts'
import { nobody } from '../../access/nobody.ts'
import { maskPhoneInLists } from '../Bookings/hooks/maskPhoneInLists.ts'
import { publicHouseholdEndpoints } from './endpoints/public.ts'

const readOnlyDate = (name: string, label: ReturnType<typeof t>) => ({
  name,
  type: 'date' as const,
  label,
  admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' as const } },
})

/**
 * A household is a mobile number its holder verified with an SMS code (cms/households). Parents reach it only
 * through the public household endpoints with the token verification gave them; staff read it (coordinators,
 * phone masked in lists), nobody edits it here. Children's data lives in `children`, under the guardian consent
 * recorded here and on each child.
 */
export const Households: CollectionConfig = {
  slug: 'households',
  labels: { singular: t('家庭', 'Household'), plural: t('家庭（已验证手机）', 'Households') },
  admin: {
    useAsTitle: 'phone',
    group: t('福家·无忧假期', 'Holiday programmes'),
    defaultColumns: ['phone', 'verifiedAt', 'lastActiveAt'],
  },
  endpoints: publicHouseholdEndpoints,
  access: { read: hasRole('coordinator'), create: nobody, update: nobody, delete: hasRole('admin') },
  fields: [
    {
      name: 'phone',
      type: 'text',
      required: true,
      unique: true,
      label: t('手机号', 'Mobile number'),
      admin: { readOnly: true },
      hooks: { afterRead: [maskPhoneInLists] },
    },
    readOnlyDate('verifiedAt', t('最近验证时间', 'Last verified')),
    // What the retention job measures inactivity from (cms/households/retention.ts).
    { ...readOnlyDate('lastActiveAt', t('最近活动时间', 'Last active')), index: true },
    {
      name: 'guardianConsent',
      type: 'group',
      label: t('监护人同意', 'Guardian consent'),
      admin: { readOnly: true },
      fields: [
        { name: 'policyVersion', type: 'text', label: t('政策版本', 'Policy version') },
        readOnlyDate('at', t('同意时间', 'Given at')),
      ],
    },
    {
      name: 'children',
      type: 'join',
      collection: 'children',
      on: 'household',
      label: t('孩子', 'Children'),
    },
  ],
}
