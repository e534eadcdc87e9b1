/**
 * 无忧假期's content for pages: programmes, waves and sessions as loaded (published programmes only, see
 * data/source.ts), sorted and joined once per build. No seat numbers: those come from the API in the islands.
 */
import { getCollection } from 'astro:content'
import type { z } from 'astro/zod'
import type { schemas } from '../data/schemas.ts'

type Name = 'holiday-programmes' | 'holiday-waves' | 'holiday-sessions'
type Entry<N extends Name> = { id: string; collection: N; data: z.output<(typeof schemas)[N]> }

export type HolidayProgramme = Entry<'holiday-programmes'>
export type HolidayWave = Entry<'holiday-waves'>
export type HolidaySession = Entry<'holiday-sessions'>

const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let cached: Promise<T> | undefined
  return () => {
    cached ??= load()
    return cached
  }
}

const all = async <N extends Name>(name: N) => (await getCollection(name)) as unknown as Entry<N>[]
const firstDay = (s: HolidaySession) => `${s.data.days[0]?.date}${s.data.days[0]?.startTime}`

/** Newest first (year, then title). */
export const holidayProgrammes = once(async () =>
  (await all('holiday-programmes')).sort(
    (a, b) => (b.data.year ?? 0) - (a.data.year ?? 0) || a.data.title.localeCompare(b.data.title, 'zh-CN'),
  ),
)

export const holidayWaves = once(async () =>
  (await all('holiday-waves')).sort((a, b) => a.data.opensAt.localeCompare(b.data.opensAt)),
)
const wavesById = once(async () => new Map((await holidayWaves()).map((w) => [w.id, w])))
export const waveOf = async (session: HolidaySession) => (await wavesById()).get(session.data.wave)

/** By first day, then code. */
export const holidaySessions = once(async () =>
  (await all('holiday-sessions')).sort(
    (a, b) => firstDay(a).localeCompare(firstDay(b)) || a.data.code.localeCompare(b.data.code),
  ),
)

export const sessionsOfProgramme = async (programme: HolidayProgramme) =>
  (await holidaySessions()).filter((s) => s.data.programme === programme.id)

export const wavesOfProgramme = async (programme: HolidayProgramme) =>
  (await holidayWaves()).filter((w) => w.data.programme === programme.id)

export const programmeOf = async (session: HolidaySession) =>
  (await holidayProgrammes()).find((p) => p.id === session.data.programme)
