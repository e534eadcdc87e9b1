import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { MongoPageViewStore } from './mongodb.ts'
import { pageViewOf } from './rules.ts'
import { SqlitePageViewStore } from './sqlite.ts'
import type { PageViewStore } from './store.ts'

const stores = new WeakMap<Payload, PageViewStore>()

/** The page view store for the database Payload is connected to. */
export function pageViewStore(payload: Payload): PageViewStore {
  let store = stores.get(payload)
  if (!store) {
    store =
      payload.db.name === 'sqlite'
        ? new SqlitePageViewStore((payload.db as unknown as SQLiteAdapter).clientConfig.url.replace(/^file:/, ''))
        : new MongoPageViewStore(payload)
    stores.set(payload, store)
  }
  return store
}

type Request = { method?: string; url: string; header: (name: string) => string | null | undefined }

/**
 * Counts a reader's view of a page if the request is one (rules.ts); never throws, never delays the page: a view
 * that cannot be counted is lost, not the page.
 */
export function countPageView(payload: Payload, request: Request, now = new Date()): Promise<boolean> {
  const view = pageViewOf(request, now)
  if (!view) return Promise.resolve(false)
  return pageViewStore(payload)
    .count(view.path, view.day)
    .then(
      () => true,
      (error: unknown) => {
        payload.logger.warn({ err: error, msg: 'page view not counted' })
        return false
      },
    )
}
