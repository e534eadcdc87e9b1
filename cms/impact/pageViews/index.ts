import type { Payload } from 'payload'
import { storePerPayload } from '../../lib/storePerPayload.ts'
import { MongoPageViewStore } from './mongodb.ts'
import { pageViewOf } from './rules.ts'
import { SqlitePageViewStore } from './sqlite.ts'
import type { PageViewStore } from './store.ts'

/** The page view store for the database Payload is connected to. */
export const pageViewStore: (payload: Payload) => PageViewStore = storePerPayload<PageViewStore>({
  sqlite: (file) => new SqlitePageViewStore(file),
  mongodb: (payload) => new MongoPageViewStore(payload),
})

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
