import type { TaskConfig } from 'payload'
import type { Env } from '../env.ts'
import { runOperationsCli } from './runCli.ts'

/** Beijing time is UTC+8 all year (no daylight saving). */
const BEIJING_OFFSET_MINUTES = 8 * 60
const DAY_MINUTES = 24 * 60

/**
 * A daily cron expression (with seconds, as Payload's schedules take) for a Beijing time of day, in the server's
 * own zone, which the scheduler uses. `localOffset` is Date#getTimezoneOffset (UTC minus local, in minutes).
 */
export function dailyCronAt(beijingTime: string, localOffset = new Date().getTimezoneOffset()): string {
  const [hours, minutes] = beijingTime.split(':').map(Number) as [number, number]
  const local =
    (((hours * 60 + minutes - BEIJING_OFFSET_MINUTES - localOffset) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES
  return `0 ${local % 60} ${Math.floor(local / 60)} * * *`
}

/**
 * The nightly backup (BACKUP_TIME, Beijing time; `off` leaves it to the operator's own schedule). It runs the
 * backup command in a process of its own; the command records its outcome for the admin either way.
 */
export const backupTask = (settings: Env): TaskConfig<{ input: object; output: object }> => ({
  slug: 'backup',
  label: 'Back up the database and uploads',
  schedule:
    settings.databaseKind === 'sqlite' && settings.BACKUP_TIME !== 'off'
      ? [{ cron: dailyCronAt(settings.BACKUP_TIME), queue: 'default' }]
      : [],
  retries: 1,
  handler: async () => {
    await runOperationsCli(['backup'])
    return { output: {} }
  },
})
