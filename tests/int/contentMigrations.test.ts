import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrationStatus, runContentMigrations } from '../../content-migrations/runner.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

let ctx: TestPayload
const now = new Date('2026-11-23T02:00:00Z')
const count = async (collection: Parameters<TestPayload['payload']['count']>[0]['collection'], where = {}) =>
  (await ctx.payload.count({ collection, where, overrideAccess: true })).totalDocs

beforeAll(async () => {
  ctx = await startTestPayload()
})
afterAll(() => ctx?.close())

describe('content migrations on an empty database', () => {
  it('dry run lists every migration and writes nothing', async () => {
    const results = await runContentMigrations(ctx.payload, { dryRun: true, now })
    expect(results.map((r) => r.name)).toEqual((await migrationStatus(ctx.payload)).map((m) => m.name))
    expect(await count('content-migrations')).toBe(0)
    expect(await count('courses')).toBe(0)
  })

  it('loads the whole sample set and records each migration', async () => {
    await runContentMigrations(ctx.payload, { now })
    expect(await count('course-categories')).toBe(8)
    expect(await count('courses', { _status: { equals: 'published' } })).toBe(68)
    expect(await count('lecturers', { team: { equals: 'lecturer-team' } })).toBe(36)
    expect(await count('lecturers', { team: { equals: 'think-tank' } })).toBe(16)
    expect(await count('families', { _status: { equals: 'published' } })).toBeGreaterThanOrEqual(12)
    expect(await count('articles', { _status: { equals: 'published' } })).toBeGreaterThanOrEqual(30)
    expect(await count('articles', { origin: { equals: 'reprint' } })).toBeGreaterThan(0)
    expect((await migrationStatus(ctx.payload)).every((m) => m.applied)).toBe(true)
    const settings = await ctx.payload.findGlobal({ slug: 'site-settings' })
    expect(settings.isSampleContent).toBe(true)
    expect(settings.privacyNotice).toBeTruthy()
  })

  it('dates sessions relative to the load day: some past, some open and empty, some nearly full, one waitlisted', async () => {
    const { docs } = await ctx.payload.find({ collection: 'course-sessions', limit: 0, pagination: false, depth: 0 })
    const past = docs.filter((s) => Date.parse(s.startsAt) < now.getTime())
    const upcoming = docs.filter((s) => Date.parse(s.startsAt) > now.getTime())
    expect(past.length).toBeGreaterThan(0)
    expect(past.every((s) => s.status === 'completed')).toBe(true)
    expect(upcoming.some((s) => s.confirmedCount === 0 && Date.parse(s.bookingOpensAt ?? '') <= now.getTime())).toBe(
      true,
    )
    expect(upcoming.some((s) => s.capacity - (s.confirmedCount ?? 0) <= 2 && (s.confirmedCount ?? 0) > 0)).toBe(true)
    expect(upcoming.some((s) => (s.waitlistedCount ?? 0) > 0 && s.confirmedCount === s.capacity)).toBe(true)
    expect(new Set(docs.map((s) => s.venue?.street).filter(Boolean)).size).toBe(10)
    for (const session of docs) {
      expect(await count('bookings', { session: { equals: session.id }, status: { equals: 'confirmed' } })).toBe(
        session.confirmedCount,
      )
      expect(await count('bookings', { session: { equals: session.id }, status: { equals: 'waitlisted' } })).toBe(
        session.waitlistedCount,
      )
    }
  })

  it('running again applies nothing and creates nothing twice', async () => {
    const before = await Promise.all([count('courses'), count('articles'), count('media'), count('course-sessions')])
    expect(await runContentMigrations(ctx.payload, { now })).toEqual([])
    expect(await Promise.all([count('courses'), count('articles'), count('media'), count('course-sessions')])).toEqual(
      before,
    )
  })
})
