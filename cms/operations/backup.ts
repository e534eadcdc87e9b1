import fs from 'node:fs'
import path from 'node:path'
import type { Env, OffsiteSettings } from '../env.ts'
import { dataDir, rootDir } from '../paths.ts'
import { packArchive } from './archive.ts'
import { DATABASE_NAME, describeFiles, MANIFEST_NAME, type Manifest, MEDIA_DIR, secretFingerprint } from './manifest.ts'
import { inspectDatabase, snapshotDatabase } from './sqliteSnapshot.ts'
import { recordBackupAttempt } from './status.ts'
import { verifyArchive } from './verify.ts'

export type BackupOptions = {
  sqlitePath: string
  mediaDir: string
  backupDir: string
  /** How many archives to keep in backupDir; older ones are deleted after a good backup. */
  keep: number
  /** The PAYLOAD_SECRET in use: only its fingerprint goes into the manifest. */
  secret: string
  offsite?: OffsiteSettings
}

export type BackupResult = {
  archive: string
  sizeBytes: number
  manifest: Manifest
  durationMs: number
  offsiteKey?: string
}

const ARCHIVE_PATTERN = /^fujia-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.tar\.gz$/

/** Archive names sort by time: `fujia-backup-2026-12-05T19-30-00-000Z.tar.gz` (UTC). */
export const archiveName = (at: Date) => `fujia-backup-${at.toISOString().replace(/[:.]/g, '-')}.tar.gz`

/** The archives to delete so that the newest `keep` remain; names that are not backups are never touched. */
export function archivesToPrune(names: string[], keep: number): string[] {
  return names
    .filter((n) => ARCHIVE_PATTERN.test(n))
    .sort()
    .slice(0, -keep)
}

const appVersion = (): string =>
  JSON.parse(fs.readFileSync(path.join(rootDir, 'package.json'), 'utf8')).version as string

/**
 * Puts the uploads that the snapshot can refer to beside it: hard links where possible (instant, no extra space,
 * and the file stays whole if it is deleted meanwhile), copies across file systems. An upload's file is written
 * before its document is saved, so every file the snapshot refers to was complete before the snapshot began;
 * files changed since then may still be being written and belong to documents the snapshot does not have.
 */
async function gatherMedia(mediaDir: string, target: string, before: Date): Promise<void> {
  if (!fs.existsSync(mediaDir)) return
  for (const entry of await fs.promises.readdir(mediaDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const source = path.join(entry.parentPath, entry.name)
    if ((await fs.promises.stat(source)).mtimeMs >= before.getTime()) continue
    const copy = path.join(target, path.relative(mediaDir, source))
    await fs.promises.mkdir(path.dirname(copy), { recursive: true })
    await fs.promises.link(source, copy).catch(() => fs.promises.copyFile(source, copy))
  }
}

/** Writes the archive: snapshot, uploads, manifest; then reads it back and checks it against the manifest. */
async function writeArchive(opts: BackupOptions, archive: string): Promise<Manifest> {
  const staging = path.join(opts.backupDir, `.staging-${path.basename(archive, '.tar.gz')}`)
  fs.mkdirSync(staging, { recursive: true })
  try {
    const databaseCopy = path.join(staging, DATABASE_NAME)
    const { startedAt } = snapshotDatabase(opts.sqlitePath, databaseCopy)
    await gatherMedia(opts.mediaDir, path.join(staging, MEDIA_DIR), startedAt)
    const report = inspectDatabase(databaseCopy)
    if (report.integrityCheck !== 'ok') throw new Error(`数据库快照完整性检查未通过：${report.integrityCheck}`)
    const manifest: Manifest = {
      format: 1,
      app: { name: 'fujia', version: appVersion() },
      snapshotStartedAt: startedAt.toISOString(),
      createdAt: new Date().toISOString(),
      database: { file: DATABASE_NAME, ...report },
      secretFingerprint: secretFingerprint(opts.secret),
      files: await describeFiles(staging),
    }
    fs.writeFileSync(path.join(staging, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`)
    await packArchive(staging, archive)
    await verifyArchive(archive).catch((error) => {
      fs.rmSync(archive, { force: true })
      throw error
    })
    return manifest
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}

/**
 * Takes a verified backup while the platform keeps serving, copies it off-site when configured, keeps the newest
 * `keep` archives, and records the attempt (success or failure) for the admin.
 */
export async function runBackup(opts: BackupOptions): Promise<BackupResult> {
  const started = new Date()
  const archive = path.join(opts.backupDir, archiveName(started))
  let written: { sizeBytes: number } | undefined
  try {
    fs.mkdirSync(opts.backupDir, { recursive: true, mode: 0o700 })
    const manifest = await writeArchive(opts, archive)
    written = { sizeBytes: fs.statSync(archive).size }
    for (const old of archivesToPrune(fs.readdirSync(opts.backupDir), opts.keep)) {
      fs.rmSync(path.join(opts.backupDir, old), { force: true })
    }
    // The S3 client is loaded only where an off-site copy is configured.
    const offsiteKey = opts.offsite
      ? await (await import('./offsite.ts')).copyOffsite(archive, opts.offsite)
      : undefined
    const result = { archive, manifest, ...written, durationMs: Date.now() - started.getTime(), offsiteKey }
    record(opts.backupDir, started, { ok: true, archive, ...written, offsiteKey })
    return result
  } catch (error) {
    const message = (error as Error).message
    // A good local archive whose off-site copy failed is still reported as a failure: staff must see it.
    record(opts.backupDir, started, {
      ok: false,
      ...(written && { archive, ...written }),
      error: written ? `本地备份已完成，异地复制失败：${message}` : message,
    })
    throw error
  }
}

function record(
  backupDir: string,
  started: Date,
  outcome: { ok: boolean; archive?: string; sizeBytes?: number; offsiteKey?: string; error?: string },
) {
  recordBackupAttempt(backupDir, {
    ...outcome,
    archive: outcome.archive && path.basename(outcome.archive),
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
  })
}

/** The backup of the platform as configured: its SQLite file and uploads, into BACKUP_DIR. */
export function configuredBackup(settings: Env): BackupOptions {
  if (settings.databaseKind !== 'sqlite' || !settings.sqlitePath) {
    throw new Error('MongoDB 数据库请用 mongodump 备份（见 README「Backups and restore」），本命令只备份 SQLite。')
  }
  return {
    sqlitePath: settings.sqlitePath,
    mediaDir: path.join(dataDir, MEDIA_DIR),
    backupDir: settings.BACKUP_DIR,
    keep: settings.BACKUP_KEEP,
    secret: settings.PAYLOAD_SECRET,
    offsite: settings.offsite,
  }
}
