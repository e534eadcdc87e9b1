import { SqliteConnection } from '../../booking/sqlite/connection.ts'
import type { OrderStore, TransitionWrite } from '../store.ts'
import { orderDdl } from './ddl.ts'

const iso = (d: Date | undefined) => (d ? d.toISOString() : null)

/** Order transitions on SQLite: one conditional UPDATE and the event INSERT in one transaction. */
export class SqliteOrderStore implements OrderStore {
  constructor(private readonly db: SqliteConnection) {}

  install() {
    return this.db.write(() => {
      if (!this.db.all(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'course_orders'`).length) return
      for (const statement of orderDdl) this.db.run(statement)
    })
  }

  transition(w: TransitionWrite) {
    return this.db.write(() => {
      const changed = this.db.run(
        `UPDATE course_orders SET state = :to, state_version = COALESCE(state_version, 0) + 1,
           refusal_reason = COALESCE(:refusalReason, refusal_reason),
           cancel_reason = COALESCE(:cancelReason, cancel_reason),
           cancelled_by = COALESCE(:cancelledBy, cancelled_by),
           first_responded_at = COALESCE(first_responded_at, :firstRespondedAt)
         WHERE id = :id AND state = :from AND COALESCE(state_version, 0) = :version`,
        {
          id: w.orderId,
          from: w.from,
          to: w.to,
          version: w.version,
          refusalReason: w.set.refusalReason ?? null,
          cancelReason: w.set.cancelReason ?? null,
          cancelledBy: w.set.cancelledBy ?? null,
          firstRespondedAt: iso(w.set.firstRespondedAt),
        },
      )
      if (changed !== 1) return false
      this.db.run(
        `INSERT INTO order_events (order_id, at, from_state, to_state, action, actor_kind, actor_id, actor_name, reason)
         VALUES (:id, :at, :from, :to, :action, :actorKind, :actorId, :actorName, :reason)`,
        {
          id: w.orderId,
          at: w.at.toISOString(),
          from: w.from,
          to: w.to,
          action: w.action,
          actorKind: w.actorKind,
          actorId: w.actorUserId ?? null,
          actorName: w.actorName ?? null,
          reason: w.reason ?? null,
        },
      )
      return true
    })
  }

  undo(w: TransitionWrite) {
    return this.db.write(() => {
      this.db.run(
        `DELETE FROM order_events WHERE id = (SELECT MAX(id) FROM order_events WHERE order_id = :id AND action = :action AND at = :at)`,
        { id: w.orderId, action: w.action, at: w.at.toISOString() },
      )
      this.db.run(
        `UPDATE course_orders SET state = :from, state_version = :version WHERE id = :id AND state = :to AND state_version = :next`,
        { id: w.orderId, from: w.from, to: w.to, version: w.version, next: w.version + 1 },
      )
    })
  }
}

export const sqliteOrderStore = (file: string): OrderStore => new SqliteOrderStore(new SqliteConnection(file))
