import fs from 'node:fs'
import Database from 'libsql'

export type DatabaseReport = {
  /** `ok`, or what SQLite's integrity_check found. */
  integrityCheck: string
  rowCounts: Record<string, number>
  /** The last schema migration applied, or null when there is none. */
  migration: string | null
}

/**
 * Opens an existing database file (libsql would otherwise create a missing one). `query_only` refuses writes, but
 * also VACUUM INTO (it counts as one), so the snapshot connection goes without it.
 */
function openExisting(file: string, { queryOnly = true } = {}): Database.Database {
  if (!fs.existsSync(file)) throw new Error(`数据库文件不存在：${file}`)
  const db = new Database(file)
  // Waiting on another process's lock blocks only this connection's own (backup or start-up) work.
  db.exec(`PRAGMA busy_timeout = 10000; PRAGMA query_only = ${queryOnly ? 'ON' : 'OFF'};`)
  return db
}

/**
 * Writes a transactionally consistent copy of a live database to `target` and returns when its read began.
 *
 * `VACUUM INTO` rather than the online backup API: libsql does not implement `.backup()`, and a second SQLite
 * library (node:sqlite) in a process that already has this file open through libsql would break SQLite's POSIX
 * locks (closing one library's descriptor drops the other's locks). VACUUM INTO reads the database in one read
 * transaction, so the copy holds exactly what was committed when it began, WAL content included; under WAL a
 * reader never blocks writers, so bookings go on while it runs. The copy is compacted and has no WAL of its own.
 */
export function snapshotDatabase(source: string, target: string): { startedAt: Date } {
  const db = openExisting(source, { queryOnly: false })
  try {
    const startedAt = new Date()
    db.prepare('VACUUM INTO ?').run(target)
    return { startedAt }
  } finally {
    db.close()
  }
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`

/** The first column of every row (libsql has no `.pluck()`). */
const firstColumn = (db: Database.Database, sql: string): unknown[] =>
  (db.prepare(sql).raw(true).all() as unknown[][]).map((row) => row[0])

/** Checks a database file (a snapshot or a restored one): integrity, rows per table and schema migration level. */
export function inspectDatabase(file: string): DatabaseReport {
  const db = openExisting(file)
  try {
    const problems = firstColumn(db, 'PRAGMA integrity_check').map(String)
    const tables = firstColumn(
      db,
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    ).map(String)
    const rowCounts = Object.fromEntries(
      tables.map((t) => [t, Number(firstColumn(db, `SELECT count(*) FROM ${quoted(t)}`)[0])]),
    )
    return { integrityCheck: problems.join('\n'), rowCounts, migration: lastMigration(db, tables) }
  } finally {
    db.close()
  }
}

function lastMigration(db: Database.Database, tables: string[]): string | null {
  if (!tables.includes('payload_migrations')) return null
  const [name] = firstColumn(db, 'SELECT name FROM payload_migrations ORDER BY id DESC LIMIT 1')
  return typeof name === 'string' ? name : null
}

/** Names of the schema migrations a database has applied (none for a database that does not exist yet). */
export function appliedMigrations(file: string): Set<string> {
  if (!fs.existsSync(file)) return new Set()
  const db = openExisting(file)
  try {
    const hasTable = firstColumn(db, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'payload_migrations'`)
    return new Set(hasTable.length ? firstColumn(db, 'SELECT name FROM payload_migrations').map(String) : [])
  } finally {
    db.close()
  }
}
