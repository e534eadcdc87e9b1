import { SqliteConnection } from '../../booking/sqlite/connection.ts'
import { commitmentDdl } from './sqliteDdl.ts'
import type { CommitmentStore, HoldInput, HoldResult } from './store.ts'

const isOverlap = (error: unknown) => String((error as Error)?.message ?? error).includes('lecturer_overlap')

/** Lecturer commitments on SQLite: a conditional insert (monthly cap) checked by the overlap trigger. */
export class SqliteCommitmentStore implements CommitmentStore {
  constructor(private readonly db: SqliteConnection) {}

  install() {
    return this.db.write(() => {
      if (!this.db.all(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'lecturer_commitments'`).length)
        return
      for (const statement of commitmentDdl) this.db.run(statement)
    })
  }

  async hold(h: HoldInput): Promise<HoldResult> {
    try {
      return await this.db.write((): HoldResult => {
        const inserted = this.db.run(
          `INSERT INTO lecturer_commitments
             (lecturer_id, starts_at, ends_at, kind, status, order_id, session_id, updated_at, created_at)
           SELECT :lecturer, :startsAt, :endsAt, :kind, 'active', :order, :session, :now, :now
           WHERE :cap IS NULL OR (
             SELECT COUNT(*) FROM lecturer_commitments
             WHERE lecturer_id = :lecturer AND status = 'active' AND starts_at >= :monthStart AND starts_at < :monthEnd
           ) < :cap`,
          {
            lecturer: h.lecturer,
            startsAt: h.startsAt.toISOString(),
            endsAt: h.endsAt.toISOString(),
            kind: h.kind,
            order: h.order ?? null,
            session: h.session ?? null,
            now: h.now.toISOString(),
            cap: h.cap,
            monthStart: h.monthStart.toISOString(),
            monthEnd: h.monthEnd.toISOString(),
          },
        )
        if (inserted !== 1) return { ok: false, reason: 'monthly_cap' }
        const [row] = this.db.all(`SELECT last_insert_rowid() AS id`)
        return { ok: true, id: Number(row?.id) }
      })
    } catch (error) {
      if (isOverlap(error)) return { ok: false, reason: 'overlap' }
      throw error
    }
  }

  async release(id: number | string, reason: string, now: Date) {
    await this.db.write(() =>
      this.db.run(
        `UPDATE lecturer_commitments SET status = 'released', released_reason = :reason, updated_at = :now
         WHERE id = :id AND status = 'active'`,
        { id, reason, now: now.toISOString() },
      ),
    )
  }

  async toSession(id: number | string, session: number | string, now: Date) {
    await this.db.write(() =>
      this.db.run(
        `UPDATE lecturer_commitments SET kind = 'session', session_id = :session, updated_at = :now WHERE id = :id`,
        { id, session, now: now.toISOString() },
      ),
    )
  }
}

export const sqliteCommitmentStore = (file: string): CommitmentStore =>
  new SqliteCommitmentStore(new SqliteConnection(file))
