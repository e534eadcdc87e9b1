/** The course catalogue's filters: category × age band × format, each with "all" ({@link ANY}). */

import { ANY, courseFilterUrl } from '../../common/urls.ts'
import { type Category, type Course, matchesAge } from './content.ts'
import { ageLabel, ageSegment, ageValues, formatLabel, formatValues } from './labels.ts'

/** A filter as URL segments; `all` means no filter. */
export type Filter = { category: string; age: string; format: string }

export const allFilters = (categories: Category[]): Filter[] =>
  [ANY, ...categories.map((c) => c.data.slug)].flatMap((category) =>
    [ANY, ...ageValues.map(ageSegment)].flatMap((age) =>
      [ANY, ...formatValues].map((format) => ({ category, age, format })),
    ),
  )

const ageFromSegment = (segment: string) =>
  segment === ANY ? undefined : ageValues.find((value) => ageSegment(value) === segment)

export function applyFilter(courses: Course[], categories: Category[], filter: Filter): Course[] {
  const category = categories.find((c) => c.data.slug === filter.category)
  const age = ageFromSegment(filter.age)
  return courses.filter(
    (course) =>
      (filter.category === ANY || course.data.category === category?.id) &&
      matchesAge(course, age) &&
      (filter.format === ANY || course.data.format === filter.format),
  )
}

type ChipRow = { id: string; label: string; options: { label: string; href: string; current: boolean }[] }

/** The three rows of filter links; each link changes one filter and keeps the other two. */
export function chipRows(categories: Category[], filter: Filter): ChipRow[] {
  const row = (key: keyof Filter, label: string, options: { value: string; label: string }[]): ChipRow => ({
    id: `filter-${key}`,
    label,
    options: [{ value: ANY, label: '全部' }, ...options].map((o) => ({
      label: o.label,
      href: (() => {
        const next = { ...filter, [key]: o.value }
        return courseFilterUrl(next.category, next.age, next.format)
      })(),
      current: filter[key] === o.value,
    })),
  })
  return [
    row(
      'category',
      '类别',
      categories.map((c) => ({ value: c.data.slug, label: c.data.name })),
    ),
    row(
      'age',
      '年龄段',
      ageValues.map((v) => ({ value: ageSegment(v), label: ageLabel(v) })),
    ),
    row(
      'format',
      '形式',
      formatValues.map((v) => ({ value: v, label: formatLabel(v) })),
    ),
  ]
}

/** "6–12岁 · 线上" — what a filtered page is about, for its title. */
export function describeFilter(categories: Category[], filter: Filter): string {
  const parts = [
    categories.find((c) => c.data.slug === filter.category)?.data.name,
    filter.age === ANY ? undefined : ageLabel(ageFromSegment(filter.age)),
    filter.format === ANY ? undefined : formatLabel(filter.format),
  ].filter(Boolean)
  return parts.join(' · ')
}
