import type { Payload } from 'payload'
import { migrations as allMigrations } from './migrations/index.ts'
import type { ContentMigration } from './types.ts'

export type RunOptions = {
  dryRun?: boolean
  sampleContent?: 'auto' | 'never'
  now?: Date
  log?: (message: string) => void
  migrations?: ContentMigration[]
}

export type MigrationStatus = { name: string; sample: boolean; description: string; applied: boolean; summary?: string }

const ledger = 'content-migrations' as const

async function appliedMigrations(payload: Payload) {
  const { docs } = await payload.find({ collection: ledger, limit: 0, pagination: false, overrideAccess: true })
  return new Map(docs.map((d) => [d.name, d]))
}

/** Content of the federation's own: if any exists, sample data must not be mixed in. */
async function hasOwnContent(payload: Payload): Promise<boolean> {
  for (const collection of ['articles', 'families', 'courses', 'lecturers'] as const) {
    const { totalDocs } = await payload.count({ collection, overrideAccess: true })
    if (totalDocs > 0) return true
  }
  return false
}

export async function migrationStatus(payload: Payload, migrations = allMigrations): Promise<MigrationStatus[]> {
  const applied = await appliedMigrations(payload)
  return migrations.map(({ name, sample, description }) => ({
    name,
    sample,
    description,
    applied: applied.has(name),
    summary: applied.get(name)?.summary ?? undefined,
  }))
}

/**
 * Applies pending content migrations in order and records each in the database. Sample migrations run only
 * while the database holds nothing but sample data; otherwise they are recorded as skipped.
 */
export async function runContentMigrations(payload: Payload, options: RunOptions = {}) {
  const {
    dryRun = false,
    sampleContent = 'auto',
    now = new Date(),
    log = () => {},
    migrations = allMigrations,
  } = options
  const applied = await appliedMigrations(payload)
  const pending = migrations.filter((m) => !applied.has(m.name))
  const sampleStarted = [...applied.values()].some((m) => m.sample && !m.summary?.startsWith('已跳过'))
  const sampleAllowed = sampleContent === 'auto' && (sampleStarted || !(await hasOwnContent(payload)))
  const results: { name: string; summary: string }[] = []

  for (const migration of pending) {
    const skip = migration.sample && !sampleAllowed
    const summary = skip
      ? `已跳过：${sampleContent === 'never' ? 'SAMPLE_CONTENT=never' : '数据库已有正式内容，不载入示例数据'}`
      : await migration.up({ payload, dryRun, now, log })
    log(`${dryRun ? '[dry-run] ' : ''}${migration.name}: ${summary}`)
    results.push({ name: migration.name, summary })
    if (!dryRun) {
      await payload.create({
        collection: ledger,
        data: { name: migration.name, sample: migration.sample, summary },
        overrideAccess: true,
      })
    }
  }
  return results
}
