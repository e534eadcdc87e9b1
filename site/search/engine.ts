/**
 * The search island's matcher over the static index (site/search/format.ts): fetches only the postings shards a
 * query's keys live in and the files of the documents shown, and caches both for the page's lifetime.
 */
import {
  decodePostings,
  expandTypes,
  fold,
  keysOf,
  parseShard,
  type SearchDoc,
  type SearchManifest,
  shardOf,
} from './format.ts'

/** A candidate document: its number and whether every term is in its title. */
export type Hit = { n: number; inTitle: boolean }

/** Posting values (`doc * 2 + inTitle`) present in both lists; in title only where both say so. */
function intersect(a: number[], b: number[]): number[] {
  const out: number[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = a[i] as number
    const y = b[j] as number
    const dx = x >> 1
    const dy = y >> 1
    if (dx === dy) {
      out.push(x & y)
      i++
      j++
    } else if (dx < dy) i++
    else j++
  }
  return out
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${response.status} ${url}`)
  return response
}

/** Whether the document contains every term (the index only proves it for terms of one or two characters). */
export const contains = (doc: SearchDoc, terms: readonly string[]) => {
  const text = fold(`${doc.t}\n${doc.b}\n${doc.k ?? ''}`)
  return terms.every((t) => text.includes(t))
}

export function createEngine(manifest: SearchManifest) {
  const types = expandTypes(manifest.types)
  const shards = new Map<number, Promise<Map<string, string>>>()
  const docs = new Map<number, Promise<SearchDoc>>()

  /** Cached by promise; a failed fetch is forgotten so that the next search tries again. */
  function cached<T>(map: Map<number, Promise<T>>, key: number, load: () => Promise<T>): Promise<T> {
    let p = map.get(key)
    if (!p) {
      p = load()
      map.set(key, p)
      p.catch(() => map.delete(key))
    }
    return p
  }
  const shard = (i: number) =>
    cached(shards, i, async () => parseShard(await (await fetchOk(`${manifest.base}p/${i}.txt`)).text()))

  return {
    typeOf: (n: number) => types[n] ?? '',

    /** Documents containing every term's keys: title matches first, each group newest first. */
    async hits(terms: readonly string[]): Promise<Hit[]> {
      const keys = [...new Set(terms.flatMap(keysOf))]
      if (keys.length === 0) return []
      const loaded = await Promise.all(keys.map((k) => shard(shardOf(k, manifest.shards))))
      const lists = keys.map((k, i) => loaded[i]?.get(k))
      if (lists.some((l) => l === undefined)) return []
      // Shortest lists first: every intersection after the first is then cheap.
      const ordered = (lists as string[]).sort((x, y) => x.length - y.length)
      let values = decodePostings(ordered[0] as string)
      for (const list of ordered.slice(1)) {
        if (values.length === 0) break
        values = intersect(values, decodePostings(list))
      }
      const title: Hit[] = []
      const body: Hit[] = []
      for (const v of values) (v & 1 ? title : body).push({ n: v >> 1, inTitle: Boolean(v & 1) })
      return [...title, ...body]
    },

    doc: (n: number) => cached(docs, n, async () => await (await fetchOk(`${manifest.base}d/${n}.json`)).json()),
  }
}

export type Engine = ReturnType<typeof createEngine>

/** Start and end of each occurrence of the terms in `text`, merged where they overlap. */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const folded = fold(text)
  const ranges: [number, number][] = []
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) {
      ranges.push([at, at + term.length])
    }
  }
  ranges.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([...r])
  }
  return merged
}

/**
 * The part of the text around the first occurrence of a term (about `size` characters), with "…" where it was
 * cut; the start of the text when no term occurs in it (a match in the title only).
 */
export function excerpt(text: string, terms: readonly string[], size = 90): string {
  const folded = fold(text)
  const firsts = terms.map((t) => folded.indexOf(t)).filter((i) => i >= 0)
  const first = firsts.length > 0 ? Math.min(...firsts) : 0
  // From the start of the paragraph when the match is near it, else from a little before the match.
  const lineStart = text.lastIndexOf('\n', first) + 1
  const start = first - lineStart <= size / 3 ? lineStart : first - Math.floor(size / 4)
  const end = Math.min(text.length, start + size)
  return `${start > lineStart ? '…' : ''}${text.slice(start, end).replace(/\s/g, ' ')}${end < text.length ? '…' : ''}`
}

/**
 * What a result shows under its title: the readable text around the first match, or the summary's opening when
 * the match is only in the title or in the metadata (topics, author …), never a run of metadata words.
 */
export const snippet = (doc: SearchDoc, terms: readonly string[]): string => excerpt(doc.b, terms)
