import fs from 'node:fs'
import Database from 'libsql'
import { appliedMigrations, snapshotDatabase } from './sqliteSnapshot.ts'

export class UpgradeError extends Error {
  override name = 'UpgradeError'
}

/** The schema migrations a database has not applied yet, in order; none for a database that does not exist. */
export function pendingMigrations(file: string, names: string[]): string[] {
  if (!fs.existsSync(file)) return []
  const applied = appliedMigrations(file)
  return names.filter((n) => !applied.has(n))
}

/** Moves everything committed into the main file, so the WAL holds nothing that the swap below could lose. */
function checkpoint(file: string) {
  const db = new Database(file)
  try {
    db.exec('PRAGMA busy_timeout = 10000; PRAGMA wal_checkpoint(TRUNCATE);')
  } finally {
    db.close()
  }
}

/**
 * What changes when anyone commits: after the checkpoint a commit adds frames to the WAL (or, with a checkpoint of
 * its own, rewrites the file). The WAL's mere presence does not count: opening and closing creates and removes it.
 */
const fileState = (file: string) => {
  const stat = fs.statSync(file)
  const walSize = fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0
  return `${stat.size}:${stat.mtimeMs}:${walSize}`
}

/**
 * Applies pending schema migrations without ever changing the database in place: a backup is taken first, the
 * migrations run on a copy, and only a fully migrated copy replaces the database (one rename). A failed migration
 * leaves the database as it was. Every server process on the database must be stopped first: a write that
 * arrives meanwhile is detected and the upgrade refused, again leaving the database as it was.
 */
export async function upgradeDatabase(opts: {
  file: string
  pending: string[]
  backup: () => Promise<{ archive: string }>
  migrateCopy: (copy: string) => Promise<void>
  log: (message: string) => void
}): Promise<void> {
  const { file, pending, log } = opts
  if (!pending.length) return
  log(`数据库有 ${pending.length} 个待应用的结构迁移（${pending.join('、')}），先备份…`)
  const { archive } = await opts.backup()
  log(`已备份到 ${archive}`)

  checkpoint(file)
  const before = fileState(file)
  const copy = `${file}.upgrading`
  fs.rmSync(copy, { force: true })
  snapshotDatabase(file, copy)
  try {
    await opts.migrateCopy(copy)
  } catch (error) {
    fs.rmSync(copy, { force: true })
    throw new UpgradeError(
      `数据库结构迁移失败，原数据库未改动（迁移前的备份：${archive}）：${(error as Error).message}`,
    )
  }
  if (fileState(file) !== before) {
    fs.rmSync(copy, { force: true })
    throw new UpgradeError('迁移期间另有进程写入了数据库，原数据库未改动。请先停止所有服务进程，再启动新版本。')
  }
  // The WAL is empty after the checkpoint; it and the shared-memory index belong to the old file and must not be
  // replayed onto the new one.
  for (const leftover of [`${file}-wal`, `${file}-shm`]) fs.rmSync(leftover, { force: true })
  fs.renameSync(copy, file)
  log(`已应用 ${pending.length} 个数据库结构迁移`)
}
