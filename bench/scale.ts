import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

/**
 * Brings the number of published articles up to `target` by cloning the sample's published articles (new titles
 * and slugs), straight in SQL: creating 20,000 documents through Payload would dominate the benchmark.
 */
export async function scaleArticles(payload: Payload, target: number): Promise<void> {
  const client = (payload.db as unknown as SQLiteAdapter).client
  const { rows } = await client.execute(`SELECT COUNT(*) AS n FROM articles WHERE _status = 'published'`)
  const missing = target - Number(rows[0]?.n ?? 0)
  if (missing <= 0) return
  await client.execute({
    sql: `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < :missing),
          -- JavaScript numbers bind as REAL: cast, or '201' would print as '201.0'.
          ids(n) AS (SELECT CAST(:offset + n AS INTEGER) FROM seq),
          originals AS MATERIALIZED (SELECT *, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k, COUNT(*) OVER () AS total
                        FROM articles WHERE _status = 'published' AND slug NOT LIKE '%-bench-%')
          INSERT INTO articles (title, slug, published_at, summary, cover_id, body, author, origin, _status)
          SELECT o.title || '（' || ids.n || '）', o.slug || '-bench-' || ids.n,
                 strftime('%Y-%m-%dT%H:%M:%fZ', o.published_at, '-' || (ids.n % 700) || ' days'),
                 o.summary, o.cover_id, o.body, o.author, o.origin, 'published'
          FROM ids JOIN originals o ON o.k = ids.n % o.total`,
    args: { missing, offset: target },
  })
}
