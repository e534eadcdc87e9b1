/** Chinese labels for the catalogue's coded values, taken from the CMS so the two never disagree. */
import { ageBands, courseFormats, honourLevels, lecturerTeams } from '../../common/catalogue.ts'
import { ANY } from '../../common/urls.ts'

type Option = { readonly value: string; readonly label: { readonly zh: string } }
const lookup = (options: readonly Option[]) => {
  const map = new Map(options.map((o) => [o.value, o.label.zh]))
  return (value: string | null | undefined): string => (value ? (map.get(value) ?? value) : '')
}

export const ageLabel = lookup(ageBands)
export const formatLabel = lookup(courseFormats)
export const honourLevelLabel = lookup(honourLevels)
export const teamLabel = lookup(lecturerTeams)

export const ageValues = ageBands.map((a) => a.value)
export const formatValues = courseFormats.map((f) => f.value)
export const honourLevelValues = honourLevels.map((h) => h.value)
export const teamValues = lecturerTeams.map((t) => t.value)

/** Ordering for honours: national first. */
export const honourRank = (level: string) => {
  const i = honourLevelValues.indexOf(level as (typeof honourLevelValues)[number])
  return i === -1 ? honourLevelValues.length : i
}

/**
 * Age bands in course-filter URLs. The band "all" (全体家长) cannot be spelled `all` there, because `all`
 * means "no filter" ({@link ANY}); it becomes `parents`.
 */
export const ageSegment = (value: string) => (value === ANY ? 'parents' : value)

/** "90分钟", "2小时". */
export const durationLabel = (minutes: number): string =>
  minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60}小时` : `${minutes}分钟`
