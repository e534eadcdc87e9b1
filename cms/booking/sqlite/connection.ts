import Database from 'libsql'
import { isSqliteBusy } from '../../lib/sqliteBusy.ts'
import { bookingDdl, dropTriggers } from './ddl.ts'

/** How long an operation may keep finding the database locked by another process before it fails. */
const BUSY_DEADLINE_MS = 15_000
/** At most this many writes share one commit, so a large queue still answers in steps. */
const MAX_GROUP = 64

export type Row = Record<string, unknown>
type Statement = ReturnType<Database.Database['prepare']>
type QueuedWrite = { work: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }

/**
 * The SQLite stores' own synchronous connection, shared by all of them, with prepared statements kept for reuse.
 *
 * Writes are group-committed: the writes a process receives while it is busy or waiting for the lock are run in one
 * `BEGIN IMMEDIATE … COMMIT`, each inside its own savepoint, so each is still all-or-nothing and a failing one leaves
 * the others alone. BEGIN IMMEDIATE takes SQLite's write lock up front, so every rule is checked and applied under
 * the lock that serialises all processes; the triggers in ddl.ts keep counts, promotion and the outbox in step.
 * One commit writes each touched page once for the whole group, instead of once per booking.
 *
 * The busy timeout is zero: a process that finds the lock taken waits asynchronously and tries again, instead of
 * SQLite's busy handler sleeping on (and stalling) the event loop. Nothing is returned to a caller before COMMIT
 * has succeeded, so an acknowledged booking is a committed one.
 */
export class SqliteConnection {
  private readonly db: Database.Database
  private readonly statements = new Map<string, Statement>()
  /** Writes waiting for the next group commit, and whether one is under way. */
  private queue: QueuedWrite[] = []
  private flushing = false

  constructor(file: string) {
    this.db = new Database(file)
    this.db.exec('PRAGMA busy_timeout = 0; PRAGMA synchronous = NORMAL;')
  }

  private sql(text: string): Statement {
    let statement = this.statements.get(text)
    if (!statement) {
      statement = this.db.prepare(text)
      this.statements.set(text, statement)
    }
    return statement
  }

  /** Rows of one statement; only inside the work of `read` or `write`. */
  all(text: string, args: Row = {}): Row[] {
    return this.sql(text).all(args) as Row[]
  }

  /** How many rows one statement changed; only inside the work of `write`. */
  run(text: string, args: Row = {}): number {
    return this.sql(text).run(args).changes
  }

  private async retrying<T>(work: () => T): Promise<T> {
    const deadline = Date.now() + BUSY_DEADLINE_MS
    for (let attempt = 1; ; attempt++) {
      try {
        return work()
      } catch (error) {
        if (!isSqliteBusy(error) || Date.now() > deadline) throw error
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(attempt, 8)))
      }
    }
  }

  read<T>(work: () => T): Promise<T> {
    return this.retrying(work)
  }

  /** Runs `work` in the next group commit; it is all-or-nothing, and resolves once committed. */
  write<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
      if (this.flushing) return
      this.flushing = true
      setImmediate(() => void this.flush())
    })
  }

  private async flush() {
    while (this.queue.length) {
      const group = this.queue.splice(0, MAX_GROUP)
      try {
        const outcomes = await this.retrying(() => this.commitGroup(group))
        outcomes.forEach((outcome, i) => {
          const { resolve, reject } = group[i] as QueuedWrite
          if (outcome.ok) resolve(outcome.value)
          else reject(outcome.error)
        })
      } catch (error) {
        for (const { reject } of group) reject(error)
      }
    }
    this.flushing = false
  }

  private commitGroup(group: QueuedWrite[]) {
    this.db.exec('BEGIN IMMEDIATE')
    try {
      const outcomes = group.map(({ work }) => {
        this.db.exec('SAVEPOINT one_write')
        try {
          const value = work()
          this.db.exec('RELEASE one_write')
          return { ok: true as const, value }
        } catch (error) {
          this.db.exec('ROLLBACK TO one_write; RELEASE one_write')
          if (isSqliteBusy(error)) throw error // not expected under the write lock; the whole group is tried again
          return { ok: false as const, error }
        }
      })
      this.db.exec('COMMIT')
      return outcomes
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK')
      throw error
    }
  }

  async install() {
    await this.write(() => {
      // Before the first schema migration there is nothing to attach to; openPayload installs again after migrating.
      if (!this.all(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bookings'`).length) return
      const triggers = this.all(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'fujia_%'`)
      for (const statement of [...dropTriggers(triggers.map((r) => String(r.name))), ...bookingDdl])
        this.db.exec(statement)
    })
  }
}
