/** School stages a child is registered under (no birth dates are collected); holiday sessions admit a range of these. */
export const childGrades = [
  '幼儿园小班',
  '幼儿园中班',
  '幼儿园大班',
  '一年级',
  '二年级',
  '三年级',
  '四年级',
  '五年级',
  '六年级',
  '初一',
  '初二',
  '初三',
] as const

export type ChildGrade = (typeof childGrades)[number]

export const gradeOptions = childGrades.map((g) => ({ label: g, value: g }))
