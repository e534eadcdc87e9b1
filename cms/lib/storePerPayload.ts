import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

/** The file of the SQLite database Payload is connected to (stores open connections of their own to it). */
export function sqliteFile(payload: Payload): string {
  return (payload.db as unknown as SQLiteAdapter).clientConfig.url.replace(/^file:/, '')
}

/**
 * A store factory for the database Payload is connected to, one store per Payload instance. On SQLite the store gets
 * the database file and opens its own connection (it waits for other processes' writes without blocking the event
 * loop); on MongoDB it gets the Payload instance.
 */
export function storePerPayload<T>(make: {
  sqlite: (file: string) => T
  mongodb: (payload: Payload) => T
}): (payload: Payload) => T {
  const stores = new WeakMap<Payload, T>()
  return (payload) => {
    let store = stores.get(payload)
    if (!store) {
      store = payload.db.name === 'sqlite' ? make.sqlite(sqliteFile(payload)) : make.mongodb(payload)
      stores.set(payload, store)
    }
    return store
  }
}
