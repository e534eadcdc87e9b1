/** Orders of a family's honours, shared by the static pages (lib/content.ts) and the draft preview. */
import { honourRank } from './labels.ts'

type Honour = { level: string; year: number }

/** As a family page lists them: the most recent first, then the highest level. */
export const sortHonours = <H extends Honour>(honours: readonly H[]): H[] =>
  [...honours].sort((a, b) => b.year - a.year || honourRank(a.level) - honourRank(b.level))

/** The honour a list shows for a family: the highest level, then the most recent. */
export const topHonourOf = <H extends Honour>(honours: readonly H[]): H | undefined =>
  [...honours].sort((a, b) => honourRank(a.level) - honourRank(b.level) || b.year - a.year)[0]
