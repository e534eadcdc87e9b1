/**
 * What SQLite enforces for course orders beyond Payload's tables; installed on every start (idempotent).
 *
 * A transition changes `state` and `state_version` without touching `updated_at` (cms/orders/sqlite/index.ts).
 * A Payload save always sets `updated_at` and writes every column, including the state it read when the form was
 * opened; the trigger puts back the state and version of any such write, so only transitions move an order.
 */
export const orderDdl: string[] = [
  `DROP TRIGGER IF EXISTS fujia_order_state_guard`,
  `CREATE TRIGGER fujia_order_state_guard AFTER UPDATE OF state, state_version ON course_orders
   WHEN NEW.updated_at IS NOT OLD.updated_at
     AND (NEW.state IS NOT OLD.state OR NEW.state_version IS NOT OLD.state_version) BEGIN
     UPDATE course_orders SET state = OLD.state, state_version = OLD.state_version WHERE id = NEW.id;
   END`,
]
