import { t } from '../i18n.ts'

/** A booking's statuses with the one wording every view uses (admin, roster, exports, 我的报名). */
export const bookingStatuses = [
  { value: 'confirmed', label: t('已确认', 'Confirmed') },
  { value: 'waitlisted', label: t('候补中', 'Waitlisted') },
  { value: 'cancelled', label: t('已取消', 'Cancelled') },
  { value: 'attended', label: t('已签到', 'Checked in') },
  { value: 'no-show', label: t('未到场', 'No-show') },
] as const

export type BookingStatus = (typeof bookingStatuses)[number]['value']

const labelsIn = (language: 'zh' | 'en') =>
  Object.fromEntries(bookingStatuses.map((s) => [s.value, s.label[language]])) as Record<BookingStatus, string>

/** Status → label, per language of the admin; parents read the Chinese ones. */
export const bookingStatusLabels = { zh: labelsIn('zh'), en: labelsIn('en') }
