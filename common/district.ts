/** The district's ten streets (街道): venue, family and booking addresses pick one of these. */
export const streets = [
  '园岭街道',
  '南园街道',
  '福田街道',
  '沙头街道',
  '香蜜湖街道',
  '梅林街道',
  '莲花街道',
  '华富街道',
  '福保街道',
  '华强北街道',
] as const

export type Street = (typeof streets)[number]

export const streetOptions = streets.map((s) => ({ label: s, value: s }))
