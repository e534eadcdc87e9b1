import { describe, expect, it } from 'vitest'
import { parseEnv } from '../../cms/env.ts'
import { archiveName, archivesToPrune } from '../../cms/operations/backup.ts'
import { dailyCronAt } from '../../cms/operations/backupJob.ts'
import { compareFiles, type FileEntry, parseManifest, secretFingerprint } from '../../cms/operations/manifest.ts'
import { BACKUP_STALE_MS, backupHealth } from '../../cms/operations/status.ts'
import { diffRowCounts } from '../../cms/operations/verify.ts'

const file = (path: string, size = 3, sha = 'a'): FileEntry => ({ path, size, sha256: sha.repeat(64) })

describe('compareFiles', () => {
  it('accepts exactly the listed files', () => {
    expect(compareFiles([file('fujia.db'), file('media/a.webp')], [file('media/a.webp'), file('fujia.db')])).toEqual([])
  })
  it('names missing, extra, resized and altered files', () => {
    const problems = compareFiles(
      [file('fujia.db'), file('media/a.webp'), file('media/b.webp')],
      [file('fujia.db', 4), file('media/a.webp', 3, 'b'), file('media/c.webp')],
    )
    expect(problems).toEqual([
      'fujia.db 大小不符（应为 3，实为 4 字节）',
      'media/a.webp 校验和不符（sha256）',
      '缺少文件 media/b.webp',
      '清单外的文件 media/c.webp',
    ])
  })
})

describe('parseManifest', () => {
  it('refuses text that is not JSON, and JSON of another shape, naming the field', () => {
    expect(() => parseManifest('{')).toThrow('不是有效的 JSON')
    expect(() => parseManifest(JSON.stringify({ format: 1 }))).toThrow(/格式不符[\s\S]*snapshotStartedAt/)
  })
})

describe('diffRowCounts', () => {
  it('lists tables whose rows differ or that exist on one side only', () => {
    expect(diffRowCounts({ bookings: 3, users: 1 }, { bookings: 3, users: 1 })).toEqual([])
    expect(diffRowCounts({ bookings: 3, users: 1 }, { bookings: 2, media: 0 })).toEqual([
      'bookings：清单 3，实际 2',
      'users：清单 1，实际 无此表',
      'media：清单 无此表，实际 0',
    ])
  })
})

describe('secretFingerprint', () => {
  it('tells secrets apart without containing them', () => {
    const secret = 'x'.repeat(40)
    expect(secretFingerprint(secret)).toBe(secretFingerprint(secret))
    expect(secretFingerprint(secret)).not.toBe(secretFingerprint(`${secret}y`))
    expect(secretFingerprint(secret)).not.toContain('xxxx')
  })
})

describe('archive retention', () => {
  it('keeps the newest archives and never touches other files', () => {
    const names = [0, 1, 2, 3].map((d) => archiveName(new Date(Date.UTC(2026, 11, 1 + d, 19, 30))))
    const listing = [names[2], 'last-backup.json', names[0], names[3], 'notes.tar.gz', names[1]] as string[]
    expect(archivesToPrune(listing, 2)).toEqual([names[0], names[1]])
    expect(archivesToPrune(listing, 10)).toEqual([])
  })
})

describe('backupHealth', () => {
  const now = new Date('2026-12-05T12:00:00Z')
  const attempt = (ok: boolean, finishedAt: string) => ({ ok, startedAt: finishedAt, finishedAt })
  it('is missing when nothing was ever backed up, or the last good backup is too old', () => {
    expect(backupHealth({}, now)).toBe('missing')
    const old = attempt(true, new Date(now.getTime() - BACKUP_STALE_MS - 1000).toISOString())
    expect(backupHealth({ lastAttempt: old, lastSuccess: old }, now)).toBe('missing')
  })
  it('is failed when the last attempt failed, however recent the last good one', () => {
    const good = attempt(true, '2026-12-05T11:00:00Z')
    expect(backupHealth({ lastAttempt: attempt(false, '2026-12-05T11:30:00Z'), lastSuccess: good }, now)).toBe('failed')
    expect(backupHealth({ lastAttempt: good, lastSuccess: good }, now)).toBe('ok')
  })
})

describe('dailyCronAt', () => {
  it('turns a Beijing time into the server zone the scheduler runs in', () => {
    expect(dailyCronAt('03:30', -480)).toBe('0 30 3 * * *') // server in Asia/Shanghai
    expect(dailyCronAt('03:30', 0)).toBe('0 30 19 * * *') // server in UTC: the evening before
    expect(dailyCronAt('09:15', 0)).toBe('0 15 1 * * *')
  })
})

describe('backup settings', () => {
  const secret = 'x'.repeat(40)
  it('defaults to a nightly backup kept 14 times, without an off-site copy', () => {
    const env = parseEnv({ PAYLOAD_SECRET: secret })
    expect([env.BACKUP_TIME, env.BACKUP_KEEP, env.offsite]).toEqual(['03:00', 14, undefined])
    expect(env.BACKUP_DIR).toMatch(/\/data\/backups$/)
  })
  it('refuses a bad time or retention, naming the variable', () => {
    expect(() => parseEnv({ PAYLOAD_SECRET: secret, BACKUP_TIME: '25:00' })).toThrow('BACKUP_TIME: must be a time')
    expect(() => parseEnv({ PAYLOAD_SECRET: secret, BACKUP_KEEP: '0' })).toThrow('BACKUP_KEEP')
  })
  it('wants all of the off-site settings or none', () => {
    expect(() => parseEnv({ PAYLOAD_SECRET: secret, BACKUP_S3_BUCKET: 'fujia' })).toThrow(
      /BACKUP_S3_ENDPOINT: is required[\s\S]*BACKUP_S3_SECRET_ACCESS_KEY: is required/,
    )
    const env = parseEnv({
      PAYLOAD_SECRET: secret,
      BACKUP_S3_ENDPOINT: 'https://oss-cn-shenzhen.aliyuncs.com',
      BACKUP_S3_BUCKET: 'fujia',
      BACKUP_S3_ACCESS_KEY_ID: 'id',
      BACKUP_S3_SECRET_ACCESS_KEY: 'key',
      BACKUP_S3_PREFIX: 'nightly',
    })
    expect(env.offsite).toMatchObject({ bucket: 'fujia', prefix: 'nightly/', forcePathStyle: false })
  })
})
