import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runContentMigrations } from '../../content-migrations/runner.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

// A separate file: Payload is one instance per process, and this case needs a database of its own.
let own: TestPayload
beforeAll(async () => {
  own = await startTestPayload()
})
afterAll(() => own?.close())
const now = new Date('2026-11-23T02:00:00Z')

describe('content migrations on a database with its own content', () => {
  it('skips sample migrations but applies the others', async () => {
    await own.payload.create({
      collection: 'lecturers',
      data: { code: 'JS-001', name: '真实讲师', team: 'lecturer-team' },
    })
    const results = await runContentMigrations(own.payload, { now })
    expect(results.find((r) => r.name === '0001-privacy-defaults')?.summary).not.toMatch(/跳过/)
    expect(results.filter((r) => r.name.includes('sample')).every((r) => r.summary.startsWith('已跳过'))).toBe(true)
    expect((await own.payload.count({ collection: 'courses' })).totalDocs).toBe(0)
    expect((await own.payload.count({ collection: 'lecturers' })).totalDocs).toBe(1)
  })
})
