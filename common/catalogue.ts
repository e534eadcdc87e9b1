import { t } from './i18n.ts'

/** Age bands of the family-education catalogue, in the order parents read them. */
export const ageBands = [
  { value: '0-3', label: t('0–3岁', 'Ages 0–3') },
  { value: '3-6', label: t('3–6岁', 'Ages 3–6') },
  { value: '6-12', label: t('6–12岁', 'Ages 6–12') },
  { value: '12-15', label: t('12–15岁', 'Ages 12–15') },
  { value: '15-18', label: t('15–18岁', 'Ages 15–18') },
  { value: 'all', label: t('全体家长', 'All parents') },
] as const
export type AgeBand = (typeof ageBands)[number]['value']

export const courseFormats = [
  { value: 'offline', label: t('线下', 'In person') },
  { value: 'online', label: t('线上', 'Online') },
] as const
export type CourseFormat = (typeof courseFormats)[number]['value']

export const lecturerTeams = [
  { value: 'lecturer-team', label: t('讲师团', 'Lecturer team') },
  { value: 'think-tank', label: t('福家智库', 'Think tank') },
] as const
export type LecturerTeam = (typeof lecturerTeams)[number]['value']

export const honourLevels = [
  { value: 'national', label: t('国家级', 'National') },
  { value: 'provincial', label: t('省级', 'Provincial') },
  { value: 'municipal', label: t('市级', 'Municipal') },
  { value: 'district', label: t('区级', 'District') },
] as const
export type HonourLevel = (typeof honourLevels)[number]['value']
