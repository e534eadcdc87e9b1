import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { nobody } from '../../access/nobody.ts'

/**
 * SMS verification codes, one live code per phone, written only by the verification store
 * (cms/households/stores): the phone as a keyed hash, the code as a keyed hash, never either in clear.
 */
export const VerificationCodes: CollectionConfig = {
  slug: 'verification-codes',
  labels: { singular: t('验证码', 'Verification code'), plural: t('验证码', 'Verification codes') },
  admin: { hidden: true },
  timestamps: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'phoneKey', type: 'text', required: true, unique: true },
    { name: 'codeHash', type: 'text', required: true },
    // ISO text, as the rate-limit windows: both databases compare it the same way.
    { name: 'expiresAt', type: 'text', required: true, index: true },
    { name: 'attempts', type: 'number', required: true, defaultValue: 0 },
  ],
}
