import type { WorkItem } from './editorWork.ts'
import type { Strings } from './strings.ts'

/** Drafts or scheduled items, each linking to its document. */
export function WorkList<T extends WorkItem>({
  items,
  empty,
  detail,
  adminUrl,
  s,
}: {
  items: T[]
  empty: string
  detail: (item: T) => string
  adminUrl: (path: `/${string}`) => string
  s: Strings
}) {
  if (!items.length) return <p className="admin-dashboard__empty">{empty}</p>
  return (
    <ul className="admin-dashboard__work">
      {items.map((item) => (
        <li key={`${item.collection}-${item.id}`}>
          <span className="admin-dashboard__kind">{s.kinds[item.collection]}</span>
          <a href={adminUrl(`/collections/${item.collection}/${item.id}`)}>{item.title ?? s.untitled}</a>
          <span className="admin-dashboard__meta">{detail(item)}</span>
        </li>
      ))}
    </ul>
  )
}
