/**
 * The course catalogue's filters: category × age band × format, each with "all" ({@link ANY}); and the bookable
 * courses by age band alone (few enough not to need more pages).
 */

import { ANY, courseFilterUrl } from '../../common/urls.ts'
import { type Category, type Course, matchesAge } from './content.ts'
import { ageLabel, ageSegment, ageValues, formatLabel, formatValues } from './labels.ts'

/** A filter as URL segments; `all` means no filter. `bookable`: only courses with a session that takes bookings. */
export type Filter = { category: string; age: string; format: string; bookable?: boolean }

/** `/courses/filter/bookable/<age>/`: beside the three-segment filter pages, so the two never collide. */
export const bookableCoursesUrl = (age: string = ANY) => `/courses/filter/bookable/${age}/`

const filterUrl = (filter: Filter) =>
  filter.bookable ? bookableCoursesUrl(filter.age) : courseFilterUrl(filter.category, filter.age, filter.format)

const ageSegments = [ANY, ...ageValues.map(ageSegment)]

export const bookableFilters = (): Filter[] =>
  ageSegments.map((age) => ({ category: ANY, age, format: ANY, bookable: true }))

export const allFilters = (categories: Category[]): Filter[] =>
  [ANY, ...categories.map((c) => c.data.slug)].flatMap((category) =>
    ageSegments.flatMap((age) => [ANY, ...formatValues].map((format) => ({ category, age, format }))),
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

/**
 * The rows of filter links; each link changes one filter and keeps the others. The bookable courses are filtered
 * by age band only, so their pages show that row alone under the 报名 row.
 */
export function chipRows(categories: Category[], filter: Filter): ChipRow[] {
  const row = (
    key: 'category' | 'age' | 'format',
    label: string,
    options: { value: string; label: string }[],
  ): ChipRow => ({
    id: `filter-${key}`,
    label,
    options: [{ value: ANY, label: '全部' }, ...options].map((o) => ({
      label: o.label,
      href: filterUrl({ ...filter, [key]: o.value }),
      current: filter[key] === o.value,
    })),
  })
  const bookableRow: ChipRow = {
    id: 'filter-bookable',
    label: '报名',
    options: [
      {
        label: '全部课程',
        href: courseFilterUrl(filter.category, filter.age, filter.format),
        current: !filter.bookable,
      },
      { label: '可报名', href: bookableCoursesUrl(filter.age), current: Boolean(filter.bookable) },
    ],
  }
  const ageRow = row(
    'age',
    '年龄段',
    ageValues.map((v) => ({ value: ageSegment(v), label: ageLabel(v) })),
  )
  if (filter.bookable) return [bookableRow, ageRow]
  return [
    bookableRow,
    row(
      'category',
      '类别',
      categories.map((c) => ({ value: c.data.slug, label: c.data.name })),
    ),
    ageRow,
    row(
      'format',
      '形式',
      formatValues.map((v) => ({ value: v, label: formatLabel(v) })),
    ),
  ]
}

/** "可报名 · 6–12岁 · 线上" — what a filtered page is about, for its title. */
export function describeFilter(categories: Category[], filter: Filter): string {
  const parts = [
    filter.bookable ? '可报名' : undefined,
    categories.find((c) => c.data.slug === filter.category)?.data.name,
    filter.age === ANY ? undefined : ageLabel(ageFromSegment(filter.age)),
    filter.format === ANY ? undefined : formatLabel(filter.format),
  ].filter(Boolean)
  return parts.join(' · ')
}
