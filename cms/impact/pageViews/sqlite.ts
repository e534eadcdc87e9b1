import { SqliteConnection } from '../../booking/sqlite/connection.ts'
import type { PageViewStore } from './store.ts'

/** SQLite: one `INSERT … ON CONFLICT DO UPDATE` per view on the (path, day) unique index of page_views. */
export class SqlitePageViewStore implements PageViewStore {
  private readonly db: SqliteConnection
  constructor(file: string) {
    this.db = new SqliteConnection(file)
  }

  async count(path: string, day: string) {
    await this.db.write(() =>
      this.db.run(
        `INSERT INTO page_views (path, day, views) VALUES (:path, :day, 1)
         ON CONFLICT (path, day) DO UPDATE SET views = views + 1`,
        { path, day },
      ),
    )
  }

  top(prefix: string, fromDay: string, toDay: string, limit: number) {
    return this.db.read(() =>
      this.db
        .all(
          `SELECT path, SUM(views) AS views FROM page_views
           WHERE day >= :fromDay AND day < :toDay AND substr(path, 1, length(:prefix)) = :prefix
           GROUP BY path ORDER BY views DESC, path LIMIT :limit`,
          { prefix, fromDay, toDay, limit },
        )
        .map((r) => ({ path: String(r.path), views: Number(r.views) })),
    )
  }
}
