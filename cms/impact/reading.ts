import type { Payload } from 'payload'
import { pageViewStore } from './pageViews/index.ts'
import { beijingDay, type Period } from './period.ts'
import type { Report, TopPage } from './report.ts'

const TOP = 10

/** The most-read articles and families of the period, with their titles (a page since removed keeps its path). */
export async function readingFor(payload: Payload, period: Period): Promise<Report['reading']> {
  const fromDay = beijingDay(period.from)
  const toDay = beijingDay(period.to)
  const store = pageViewStore(payload)
  const titled = async (prefix: string, collection: 'articles' | 'families', title: 'title' | 'familyName') => {
    const rows = await store.top(prefix, fromDay, toDay, TOP)
    const slugs = rows.map((r) => r.path.slice(prefix.length).replace(/\/$/, ''))
    const { docs } = slugs.length
      ? await payload.find({
          collection,
          where: { slug: { in: slugs } },
          select: { slug: true, [title]: true } as never,
          depth: 0,
          pagination: false,
          overrideAccess: true,
        })
      : { docs: [] }
    const bySlug = new Map(
      (docs as unknown as Record<string, unknown>[]).map((d) => [String(d.slug), String(d[title] ?? '')]),
    )
    return rows.map(
      (r): TopPage => ({ path: r.path, views: r.views, title: bySlug.get(r.path.slice(prefix.length, -1)) || r.path }),
    )
  }
  const [articles, families] = await Promise.all([
    titled('/articles/', 'articles', 'title'),
    titled('/families/', 'families', 'familyName'),
  ])
  return { articles, families }
}
