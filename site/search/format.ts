/**
 * Site search: the parts the index builder (index.ts, at build time) and the search island (in the
 * browser) must agree on. Pure functions, no imports: the island bundles this file.
 *
 * The index is a character n-gram inverted index, so it needs no word segmentation and finds any substring of
 * Chinese text: every run of letters/digits contributes each character (a query of one character, e.g. a
 * surname) and each pair of adjacent characters (a query of two or more characters is the intersection of its
 * pairs' postings, then checked against the document text for the exact substring). Documents are numbered
 * newest first, so a posting list in number order is already in result order.
 *
 * Files, under `/search/data/<version>/` (the version changes whenever any file does, so a build never mixes
 * with the previous one):
 * - `p/<shard>.txt`: postings, one key a line, `<key> <deltas>` (base 36, comma-separated); a key lives in shard
 *   `shardOf(key, shards)`. A posting value is `doc * 2 + 1` when the key occurs in the title, `doc * 2` when only
 *   in the text.
 * - `d/<doc>.json`: one document as {@link SearchDoc}, fetched only for the results shown.
 * The number of shards and each document's type travel with the search page (see {@link SearchManifest}).
 */

export const searchTypes = [
  { code: 'a', param: 'articles', label: '文章' },
  { code: 'c', param: 'courses', label: '课程' },
  { code: 'f', param: 'families', label: '最美家庭' },
  { code: 'l', param: 'lecturers', label: '讲师' },
] as const

export type SearchType = (typeof searchTypes)[number]
export type TypeCode = SearchType['code']

export const typeByCode = (code: string) => searchTypes.find((t) => t.code === code)
export const typeByParam = (param: string | null | undefined) => searchTypes.find((t) => t.param === param)

/** What the search page hands its island: where the files are, how postings are sharded, each document's type. */
export type SearchManifest = {
  /** URL of the version's folder, ending in `/`. */
  base: string
  shards: number
  /** Documents' types in document order, run-length encoded: `a12f1a30c68l52`. */
  types: string
}

/** One document's file: what a result shows, and the text its excerpt and exact match come from. */
export type SearchDoc = {
  /** title */
  t: string
  /** URL */
  u: string
  /** type code */
  y: TypeCode
  /** date (ISO) for articles and families */
  d?: string
  /** a short line under the title: "FJ-001 · 亲子沟通", "园岭街道 · 百花社区" */
  m?: string
  /** readable text: summary first, then the body; blocks separated by "\n". Snippets come from here only. */
  b: string
  /**
   * words readers search by that are no prose (topics, author, source, street, code …): indexed and matched,
   * never shown, so a match there shows the summary's opening instead of a run of metadata
   */
  k?: string
}

/**
 * Case and width folding that keeps every character at its index, so positions found in the folded text
 * highlight the original: full-width ASCII (ＡＢＣ１２３) → ASCII, ideographic space → space, A–Z → a–z.
 */
export const fold = (text: string): string =>
  text.replace(/[A-Z\uff01-\uff5e\u3000]/g, (c) => {
    const code = c.charCodeAt(0)
    if (code === 0x3000) return ' '
    const ascii = code >= 0xff01 ? code - 0xfee0 : code
    return String.fromCharCode(ascii >= 65 && ascii <= 90 ? ascii + 32 : ascii)
  })

/** Runs of letters and digits of folded text: what is indexed and what a query is split into. */
export const runsOf = (folded: string): string[] => folded.match(/[\p{L}\p{N}]+/gu) ?? []

/** The index keys a query term is looked up by: the character itself, or each pair of adjacent characters. */
export function keysOf(term: string): string[] {
  const chars = Array.from(term)
  if (chars.length === 1) return chars
  const keys = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) keys.add(`${chars[i]}${chars[i + 1]}`)
  return [...keys]
}

/** A query as the terms every result must contain (at most 8, each at most 32 characters). */
export const queryTerms = (query: string): string[] =>
  [...new Set(runsOf(fold(query)).map((t) => Array.from(t).slice(0, 32).join('')))].slice(0, 8)

/** FNV-1a over the key's UTF-16 code units. */
export function shardOf(key: string, shards: number): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return (h >>> 0) % shards
}

/** Sorted posting values → `d1,d2,…` (differences in base 36). */
export function encodePostings(values: ArrayLike<number>): string {
  let out = ''
  let last = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number
    out += (i ? ',' : '') + (v - last).toString(36)
    last = v
  }
  return out
}

export function decodePostings(text: string): number[] {
  const values: number[] = []
  let last = 0
  for (const part of text.split(',')) {
    last += Number.parseInt(part, 36)
    values.push(last)
  }
  return values
}

/** A postings shard's text → key → encoded postings. */
export function parseShard(text: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const line of text.split('\n')) {
    const at = line.indexOf(' ')
    if (at > 0) map.set(line.slice(0, at), line.slice(at + 1))
  }
  return map
}

/** `a12f1a30` → one type code per document. */
export function expandTypes(runs: string): string {
  let out = ''
  for (const [, code, count] of runs.matchAll(/([a-z])(\d+)/g)) out += (code as string).repeat(Number(count))
  return out
}

export function compressTypes(codes: readonly string[]): string {
  let out = ''
  for (let i = 0; i < codes.length; ) {
    let j = i
    while (j < codes.length && codes[j] === codes[i]) j++
    out += `${codes[i]}${j - i}`
    i = j
  }
  return out
}
