import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'libsql'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pendingMigrations, upgradeDatabase } from '../../cms/operations/upgrade.ts'

/** Starting a new version on a database with pending schema migrations (cms/operations/upgrade.ts). */
let dir: string
let file: string
const log: string[] = []
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex')

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fujia-upgrade-'))
  file = path.join(dir, 'fujia.db')
  const db = new Database(file)
  db.exec(`PRAGMA journal_mode = WAL;
    CREATE TABLE payload_migrations (id INTEGER PRIMARY KEY, name TEXT, batch INTEGER);
    INSERT INTO payload_migrations (name, batch) VALUES ('one', 1);
    CREATE TABLE bookings (id INTEGER PRIMARY KEY, code TEXT);
    INSERT INTO bookings (code) VALUES ('A'), ('B');`)
  db.close()
  log.length = 0
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const rows = (sql: string) => {
  const db = new Database(file)
  try {
    return db.prepare(sql).all()
  } finally {
    db.close()
  }
}
const backups: string[] = []
const backup = async () => {
  backups.push('taken')
  return { archive: path.join(dir, 'backup.tar.gz') }
}

describe('upgradeDatabase', () => {
  it('finds the pending migrations, in order', () => {
    expect(pendingMigrations(file, ['one', 'two', 'three'])).toEqual(['two', 'three'])
    expect(pendingMigrations(path.join(dir, 'none.db'), ['one'])).toEqual([])
  })

  it('backs up first, then replaces the database with the migrated copy', async () => {
    backups.length = 0
    await upgradeDatabase({
      file,
      pending: ['two'],
      backup,
      migrateCopy: async (copy) => {
        expect(backups).toEqual(['taken'])
        const db = new Database(copy)
        db.exec(
          `ALTER TABLE bookings ADD COLUMN note TEXT; INSERT INTO payload_migrations (name, batch) VALUES ('two', 2);`,
        )
        db.close()
      },
      log: (m) => log.push(m),
    })
    expect(rows('SELECT name FROM payload_migrations ORDER BY id')).toEqual([{ name: 'one' }, { name: 'two' }])
    expect(rows('SELECT code, note FROM bookings ORDER BY id')).toEqual([
      { code: 'A', note: null },
      { code: 'B', note: null },
    ])
    expect(log[0]).toMatch(/1 个待应用的结构迁移（two），先备份/)
    expect(fs.existsSync(`${file}.upgrading`)).toBe(false)
  })

  it('leaves the database untouched when a migration fails', async () => {
    const before = sha(file)
    await expect(
      upgradeDatabase({
        file,
        pending: ['two'],
        backup,
        migrateCopy: async (copy) => {
          const db = new Database(copy)
          db.exec('DELETE FROM bookings') // half done, then it fails
          db.close()
          throw new Error('no such table: courses')
        },
        log: (m) => log.push(m),
      }),
    ).rejects.toThrow(/结构迁移失败，原数据库未改动（迁移前的备份：.*backup\.tar\.gz）：no such table/)
    expect(sha(file)).toBe(before)
    expect(rows('SELECT count(*) AS n FROM bookings')).toEqual([{ n: 2 }])
    expect(fs.existsSync(`${file}.upgrading`)).toBe(false)
  })

  it('refuses to swap when another process wrote meanwhile', async () => {
    await expect(
      upgradeDatabase({
        file,
        pending: ['two'],
        backup,
        migrateCopy: async () => {
          const db = new Database(file)
          db.exec(`INSERT INTO bookings (code) VALUES ('C')`)
          db.close()
        },
        log: (m) => log.push(m),
      }),
    ).rejects.toThrow(/另有进程写入了数据库，原数据库未改动/)
    expect(rows('SELECT code FROM bookings ORDER BY id')).toEqual([{ code: 'A' }, { code: 'B' }, { code: 'C' }])
  })
})
