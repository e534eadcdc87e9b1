/**
 * /search/: the site's search over the static index (format.ts). The query and the type filter live in the
 * URL (`?q=亲子&type=articles`): results can be shared, and back/forward step through earlier searches.
 * Results show 10 at a time; each page fetches only the files of the documents it shows.
 */
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react'
import { formatDate } from '../../common/dates.ts'
import { contains, createEngine, type Engine, type Hit, matchRanges, snippet } from './engine.ts'
import { queryTerms, type SearchDoc, type SearchManifest, searchTypes, typeByCode, typeByParam } from './format.ts'
import './search.css'

const PAGE_SIZE = 10
const SUGGESTIONS = ['亲子', '家风', '青春期', '家庭教育', '反家暴']

type Params = { q: string; type: string }
type Shown = { n: number; doc: SearchDoc }
/** Results shown, and how far through the candidates they reach (some dropped as not containing the query). */
type Page = { shown: Shown[]; cursor: number; dropped: number }
const FIRST: Page = { shown: [], cursor: 0, dropped: 0 }
type View =
  | { phase: 'idle' }
  | { phase: 'loading'; key: string }
  | { phase: 'error'; key: string }
  | { phase: 'done'; key: string; terms: string[]; hits: Hit[] }

function readParams(): Params {
  const params = new URLSearchParams(window.location.search)
  const q = (params.get('q') ?? '').trim().slice(0, 64)
  return { q, type: typeByParam(params.get('type'))?.param ?? '' }
}

function urlOf({ q, type }: Params): string {
  const params = new URLSearchParams()
  if (q) params.set('q', q)
  if (type) params.set('type', type)
  const search = params.toString()
  return `${window.location.pathname}${search ? `?${search}` : ''}`
}

/** The next results after `page`: candidates whose document really contains every term (see `contains`). */
async function nextPage(engine: Engine, hits: readonly Hit[], terms: readonly string[], page: Page): Promise<Page> {
  const found: Shown[] = []
  let at = page.cursor
  let dropped = page.dropped
  while (found.length < PAGE_SIZE && at < hits.length) {
    const batch = hits.slice(at, at + PAGE_SIZE - found.length)
    const docs = await Promise.all(batch.map((h) => engine.doc(h.n)))
    docs.forEach((doc, i) => {
      if (contains(doc, terms)) found.push({ n: batch[i]?.n ?? -1, doc })
      else dropped++
    })
    at += batch.length
  }
  return { shown: [...page.shown, ...found], cursor: at, dropped }
}

function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  const parts: ReactNode[] = []
  let at = 0
  for (const [start, end] of matchRanges(text, terms)) {
    if (start > at) parts.push(text.slice(at, start))
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>)
    at = end
  }
  parts.push(text.slice(at))
  return <>{parts}</>
}

function Result({ doc, terms }: { doc: SearchDoc; terms: readonly string[] }) {
  return (
    <article className="se-result">
      <p className="se-result__meta">
        <span className="badge">{typeByCode(doc.y)?.label}</span>
        {doc.d && <time dateTime={doc.d}>{formatDate(doc.d)}</time>}
        {doc.m && <span>{doc.m}</span>}
      </p>
      <h2 className="se-result__title">
        <a href={doc.u}>
          <Highlight text={doc.t} terms={terms} />
        </a>
      </h2>
      <p className="se-result__text">
        <Highlight text={snippet(doc, terms)} terms={terms} />
      </p>
    </article>
  )
}

export default function SearchIsland({ manifest }: { manifest: SearchManifest }) {
  const engine = useMemo<Engine>(() => createEngine(manifest), [manifest])
  const [hydrated, setHydrated] = useState(false)
  const [params, setParams] = useState<Params>({ q: '', type: '' })
  const [input, setInput] = useState('')
  const [view, setView] = useState<View>({ phase: 'idle' })
  const [page, setPage] = useState<Page>(FIRST)
  /** Counts searches and filter changes: an answer for an earlier one is ignored. */
  const generation = useRef(0)
  const [loadingMore, setLoadingMore] = useState(false)
  const baseTitle = useRef('')
  const list = useRef<HTMLOListElement>(null)
  const focusFrom = useRef(-1)

  // Hydrated: take the query from the URL, and follow back/forward.
  useEffect(() => {
    baseTitle.current = document.title
    const sync = () => {
      const p = readParams()
      setParams(p)
      setInput(p.q)
    }
    sync()
    setHydrated(true)
    window.addEventListener('popstate', sync)
    return () => window.removeEventListener('popstate', sync)
  }, [])

  // A new query: look up its candidates.
  useEffect(() => {
    if (!hydrated) return
    document.title = params.q ? `${params.q} · ${baseTitle.current}` : baseTitle.current
    const terms = queryTerms(params.q)
    if (terms.length === 0) {
      setView({ phase: 'idle' })
      return
    }
    const key = params.q
    let current = true
    setView({ phase: 'loading', key })
    engine.hits(terms).then(
      (hits) => current && setView({ phase: 'done', key, terms, hits }),
      () => current && setView({ phase: 'error', key }),
    )
    return () => {
      current = false
    }
  }, [engine, hydrated, params.q])

  const filtered = useMemo(
    () =>
      view.phase === 'done'
        ? view.hits.filter((h) => !params.type || engine.typeOf(h.n) === typeCode(params.type))
        : [],
    [view, params.type, engine],
  )

  // New candidates or another type: the first page.
  useEffect(() => {
    const run = ++generation.current
    setPage(FIRST)
    if (view.phase !== 'done') return
    nextPage(engine, filtered, view.terms, FIRST).then(
      (next) => run === generation.current && setPage(next),
      () => run === generation.current && setView({ phase: 'error', key: view.key }),
    )
  }, [engine, view, filtered])

  // After "more": focus the first new result's link, for keyboard and screen-reader users.
  useEffect(() => {
    if (focusFrom.current < 0 || focusFrom.current >= page.shown.length) return
    list.current?.querySelectorAll<HTMLAnchorElement>('.se-result__title a')[focusFrom.current]?.focus()
    focusFrom.current = -1
  }, [page])

  function navigate(next: Params) {
    if (urlOf(next) !== `${window.location.pathname}${window.location.search}`) {
      window.history.pushState(null, '', urlOf(next))
    }
    setParams(next)
    setInput(next.q)
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    navigate({ ...params, q: input.trim().slice(0, 64) })
  }

  async function more() {
    if (view.phase !== 'done') return
    const run = generation.current
    setLoadingMore(true)
    focusFrom.current = page.shown.length
    try {
      const next = await nextPage(engine, filtered, view.terms, page)
      if (run === generation.current) setPage(next)
    } catch {
      if (run === generation.current) setView({ phase: 'error', key: view.key })
    }
    setLoadingMore(false)
  }

  const { shown, cursor } = page
  const total = filtered.length - page.dropped
  const counts = view.phase === 'done' ? countByType(view.hits, engine) : undefined
  const typeLabel = typeByParam(params.type)?.label
  const pending = view.phase === 'done' && shown.length === 0 && cursor === 0 && filtered.length > 0

  let status = ''
  if (view.phase === 'done' && !pending) {
    status =
      total > 0
        ? `找到 ${total} 条与“${view.key}”相关的${typeLabel ?? '内容'}`
        : `没有找到与“${view.key}”相关的${typeLabel ?? '内容'}`
  } else if (view.phase === 'error') status = '搜索暂时无法使用，请刷新页面或检查网络后重试。'

  return (
    <div className="se">
      {/* biome-ignore lint/a11y/useSemanticElements: older WebViews (WeChat) have no <search>; the role keeps the landmark */}
      <form className="se-form" role="search" aria-label="站内搜索" action="/search/" method="get" onSubmit={submit}>
        <label className="se-label" htmlFor="se-q">
          搜索文章、课程、最美家庭和讲师
        </label>
        <div className="se-row">
          <input
            id="se-q"
            className="se-input text-input"
            type="search"
            name="q"
            value={input}
            onInput={(e) => setInput((e.target as HTMLInputElement).value)}
            maxLength={64}
            autoComplete="off"
            enterKeyHint="search"
            placeholder="如：亲子、家风、讲师姓名"
          />
          <button className="se-submit" type="submit">
            搜索
          </button>
        </div>
        <fieldset className="se-types">
          <legend className="visually-hidden">按类型筛选</legend>
          {[{ param: '', label: '全部', code: '' }, ...searchTypes].map((t) => (
            <label className="se-type" key={t.param}>
              <input
                type="radio"
                name="type"
                value={t.param}
                checked={params.type === t.param}
                onChange={() => navigate({ ...params, type: t.param })}
              />
              <span>
                {t.label}
                {counts && (
                  <span className="se-type__count">
                    {' '}
                    {t.code ? (counts.get(t.code) ?? 0) : view.phase === 'done' ? view.hits.length : ''}
                  </span>
                )}
              </span>
            </label>
          ))}
        </fieldset>
      </form>

      <p className="se-status" role="status">
        {status}
      </p>

      {hydrated && view.phase === 'idle' && (
        <div className="se-empty">
          <p>输入关键词，搜索全站的文章、福家大讲堂课程、最美家庭和讲师。支持单个字（如讲师的姓氏）和词语。</p>
          <p>
            试试：
            {SUGGESTIONS.map((s) => (
              <a
                key={s}
                className="se-suggestion"
                href={`?q=${encodeURIComponent(s)}`}
                onClick={(e) => {
                  e.preventDefault()
                  navigate({ ...params, q: s })
                }}
              >
                {s}
              </a>
            ))}
          </p>
        </div>
      )}

      {(view.phase === 'loading' || pending) && <p className="se-loading">正在搜索…</p>}

      {view.phase === 'done' && !pending && total === 0 && (
        <div className="se-empty">
          {params.type && view.hits.length > 0 ? (
            <p>
              “{typeLabel}”中没有结果。
              <button type="button" className="se-link" onClick={() => navigate({ ...params, type: '' })}>
                查看全部 {view.hits.length} 条结果
              </button>
            </p>
          ) : (
            <ul>
              <li>换一个更短的关键词，例如“亲子”而不是“亲子沟通技巧”；</li>
              <li>检查是否有错别字；</li>
              <li>讲师可以只搜姓氏，例如“王”。</li>
            </ul>
          )}
        </div>
      )}

      {shown.length > 0 && view.phase === 'done' && (
        <ol className="se-results" ref={list} aria-label="搜索结果">
          {shown.map(({ n, doc }) => (
            <li key={n}>
              <Result doc={doc} terms={view.terms} />
            </li>
          ))}
        </ol>
      )}

      {view.phase === 'done' && cursor < filtered.length && shown.length > 0 && (
        <button type="button" className="se-more" onClick={more} disabled={loadingMore}>
          {loadingMore ? '正在加载…' : '显示更多结果'}
        </button>
      )}
    </div>
  )
}

const typeCode = (param: string) => typeByParam(param)?.code ?? ''

function countByType(hits: Hit[], engine: Engine): Map<string, number> {
  const counts = new Map<string, number>()
  for (const h of hits) {
    const code = engine.typeOf(h.n)
    counts.set(code, (counts.get(code) ?? 0) + 1)
  }
  return counts
}
