import type { ServerProps } from 'payload'
import { formatDateTime } from '../../../common/dates.ts'
import { userHasRole } from '../../access/roles.ts'
import { env } from '../../env.ts'
import { type BackupAttempt, backupHealth, readBackupRecord } from '../../operations/status.ts'
import { type Strings, stringsFor } from './strings.ts'
import './index.scss'

const details = (attempt: BackupAttempt, s: Strings) =>
  [
    attempt.sizeBytes != null && s.size((attempt.sizeBytes / 1024 / 1024).toFixed(1)),
    attempt.offsiteKey && s.offsite,
  ].filter(Boolean)

/**
 * The dashboard's backup line for administrators: the last backup's time and result, read from the backup
 * directory's record on each visit. A failed backup, or none good for more than a day, is an alert above everything.
 */
export function BackupStatus({ user, i18n }: ServerProps) {
  if (!userHasRole(user, 'admin')) return null
  const s = stringsFor(i18n.language)
  const record = readBackupRecord(env().BACKUP_DIR)
  const health = backupHealth(record)
  const { lastAttempt, lastSuccess } = record

  if (health === 'ok' && lastSuccess) {
    return (
      <p className="backup-status">
        {s.ok(formatDateTime(lastSuccess.finishedAt))}
        {details(lastSuccess, s).map((d) => `，${d}`)}
      </p>
    )
  }
  const headline =
    health === 'failed' && lastAttempt
      ? s.failed(formatDateTime(lastAttempt.finishedAt))
      : lastSuccess
        ? s.missing
        : s.never
  return (
    <div className="backup-status backup-status--alert" role="alert">
      <strong>{headline}</strong>
      {health === 'failed' && lastAttempt?.error && <pre>{lastAttempt.error}</pre>}
      {lastSuccess && <p>{s.lastSuccess(formatDateTime(lastSuccess.finishedAt))}</p>}
      <p>{s.action}</p>
    </div>
  )
}
