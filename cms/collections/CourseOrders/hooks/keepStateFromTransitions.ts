import type { CollectionBeforeChangeHook } from 'payload'

/**
 * An order's state and its version change only through cms/orders/transitions.ts (a compare-and-set in the order
 * store). A save through the admin or the API keeps what the database holds: on MongoDB the fields are left out
 * of the write; on SQLite Payload writes every column, so the stored values are written back, and a trigger
 * (cms/orders/sqlite/ddl.ts) undoes any state change a save that raced a transition would make.
 */
export const keepStateFromTransitions: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc) return data
  if (req.payload.db.name === 'sqlite') {
    data.state = originalDoc.state
    data.stateVersion = originalDoc.stateVersion
  } else {
    delete data.state
    delete data.stateVersion
  }
  return data
}
