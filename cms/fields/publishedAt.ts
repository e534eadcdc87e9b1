import type { DateField, FieldHook } from 'payload'
import { t } from '../../common/i18n.ts'

/** The first publish stamps the date readers see; editors may change it afterwards. */
const stampOnFirstPublish: FieldHook = ({ value, siblingData }) =>
  value ?? (siblingData?._status === 'published' ? new Date().toISOString() : value)

export const publishedAtField: DateField = {
  name: 'publishedAt',
  type: 'date',
  index: true,
  timezone: true,
  label: t('发布时间', 'Published at'),
  admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
  hooks: { beforeChange: [stampOnFirstPublish] },
}
