import fs from 'node:fs'
import path from 'node:path'

/** Beyond this age the last good backup counts as missing (a day and some slack for a slow night). */
export const BACKUP_STALE_MS = 26 * 60 * 60 * 1000

export type BackupAttempt = {
  startedAt: string
  finishedAt: string
  ok: boolean
  /** The archive's file name in the backup directory (when it was written). */
  archive?: string
  sizeBytes?: number
  /** Where the off-site copy went, when one is configured and it succeeded. */
  offsiteKey?: string
  error?: string
}

/** The record staff see in the admin: the last attempt, and the last one that succeeded. */
export type BackupRecord = { lastAttempt?: BackupAttempt; lastSuccess?: BackupAttempt }

const recordFile = (backupDir: string) => path.join(backupDir, 'last-backup.json')

export function readBackupRecord(backupDir: string): BackupRecord {
  try {
    return JSON.parse(fs.readFileSync(recordFile(backupDir), 'utf8')) as BackupRecord
  } catch {
    return {}
  }
}

/** Records an attempt; written to a temporary name and renamed, so a reader never sees half a record. */
export function recordBackupAttempt(backupDir: string, attempt: BackupAttempt): void {
  const previous = readBackupRecord(backupDir)
  const record: BackupRecord = { lastAttempt: attempt, lastSuccess: attempt.ok ? attempt : previous.lastSuccess }
  fs.mkdirSync(backupDir, { recursive: true })
  const temporary = `${recordFile(backupDir)}.${process.pid}.tmp`
  fs.writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`)
  fs.renameSync(temporary, recordFile(backupDir))
}

export type BackupHealth = 'ok' | 'failed' | 'missing'

/** `failed` when the last attempt failed, `missing` when no good backup is younger than BACKUP_STALE_MS. */
export function backupHealth(record: BackupRecord, now = new Date()): BackupHealth {
  if (record.lastAttempt && !record.lastAttempt.ok) return 'failed'
  const last = Date.parse(record.lastSuccess?.finishedAt ?? '')
  return Number.isNaN(last) || now.getTime() - last > BACKUP_STALE_MS ? 'missing' : 'ok'
}
