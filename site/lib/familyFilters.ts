/**
 * The families list's filters: honour level × street, each with "all" ({@link ANY}). Every combination is a
 * pre-rendered page (links, no JavaScript), like the course catalogue's.
 */
import { streets as districtStreets } from '../../common/district.ts'
import { slugify } from '../../common/slugify.ts'
import { ANY, familyListUrl } from '../../common/urls.ts'
import type { Family } from './content.ts'
import { honourLevelLabel, honourLevelValues } from './labels.ts'

/** A filter as URL segments; `all` means no filter. */
export type FamilyFilter = { level: string; street: string }

export const NO_FILTER: FamilyFilter = { level: ANY, street: ANY }

/** A street in URLs: "香蜜湖街道" → `xiang-mi-hu`. */
export const streetSegment = (street: string) => slugify(street.replace(/街道$/, '')) || slugify(street)

/** The district's streets in their usual order, then any other street a family names. */
export const familyStreets = (families: Family[]): string[] => [
  ...new Set<string>([...districtStreets, ...families.map((f) => f.data.street)]),
]

export const allFamilyFilters = (families: Family[]): FamilyFilter[] =>
  [ANY, ...honourLevelValues].flatMap((level) =>
    [ANY, ...familyStreets(families).map(streetSegment)].map((street) => ({ level, street })),
  )

/** Families with at least one honour of the level, in the street. */
export const applyFamilyFilter = (families: Family[], filter: FamilyFilter): Family[] =>
  families.filter(
    (f) =>
      (filter.level === ANY || f.data.honours.some((h) => h.level === filter.level)) &&
      (filter.street === ANY || streetSegment(f.data.street) === filter.street),
  )

type ChipRow = { id: string; label: string; options: { label: string; href: string; current: boolean }[] }

/** The two rows of filter links; each link changes one filter, keeps the other and goes back to page 1. */
export function familyChipRows(families: Family[], filter: FamilyFilter): ChipRow[] {
  const row = (key: keyof FamilyFilter, label: string, options: { value: string; label: string }[]): ChipRow => ({
    id: `filter-${key}`,
    label,
    options: [{ value: ANY, label: '全部' }, ...options].map((o) => {
      const next = { ...filter, [key]: o.value }
      return { label: o.label, href: familyListUrl(next.level, next.street), current: filter[key] === o.value }
    }),
  })
  return [
    row(
      'level',
      '荣誉级别',
      honourLevelValues.map((value) => ({ value, label: honourLevelLabel(value) })),
    ),
    row(
      'street',
      '街道',
      familyStreets(families).map((street) => ({ value: streetSegment(street), label: street })),
    ),
  ]
}

/** "国家级荣誉 · 福田街道": what a filtered page is about, for its title. */
export function describeFamilyFilter(families: Family[], filter: FamilyFilter): string {
  return [
    filter.level === ANY ? undefined : `${honourLevelLabel(filter.level)}荣誉`,
    filter.street === ANY ? undefined : familyStreets(families).find((s) => streetSegment(s) === filter.street),
  ]
    .filter(Boolean)
    .join(' · ')
}
