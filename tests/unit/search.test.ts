/**
 * The search index and the island's matcher, end to end without a browser: the index is built from the sample
 * content (articles, families, lecturers), `fetch` reads its files, and every query must return exactly the
 * documents that contain it as a substring, in the promised order (title matches first, then newest first).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildSearchIndex, htmlToText } from '../../site/search/buildFiles.ts'
import { contains, createEngine, excerpt, matchRanges, snippet } from '../../site/search/engine.ts'
import {
  compressTypes,
  decodePostings,
  encodePostings,
  expandTypes,
  fold,
  keysOf,
  queryTerms,
  type SearchDoc,
} from '../../site/search/format.ts'

const sample = path.resolve('content-migrations/sample')
type Block = { text?: string; items?: string[] }
const text = (blocks: Block[]) => blocks.map((b) => b.text ?? (b.items ?? []).join('。')).join('\n')

function sampleDocs(): SearchDoc[] {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(sample, file), 'utf8'))
  const articles = read('editorial/articles.json').articles as {
    title: string
    summary: string
    daysAgo: number
    body: Block[]
    topics: string[]
    author: string
    sourceName?: string
  }[]
  const topicName = new Map(
    (read('editorial/topics.json').topics as { key: string; name: string }[]).map((t) => [t.key, t.name]),
  )
  const families = read('editorial/families.json').families as {
    familyName: string
    membersSummary: string
    story: Block[]
  }[]
  const lecturers = fs
    .readFileSync(path.join(sample, 'catalogue/lecturers.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
  const day = (n: number) => new Date(Date.UTC(2026, 10, 23) - n * 86_400_000).toISOString()
  const dated: SearchDoc[] = [
    ...articles.map((a, i) => ({
      t: a.title,
      u: `/articles/a${i}/`,
      y: 'a' as const,
      d: day(a.daysAgo),
      b: `${a.summary}\n${text(a.body)}`,
      // As site/search/index.ts: metadata apart from the readable text.
      k: [...a.topics.map((key) => topicName.get(key)), a.author, a.sourceName].filter(Boolean).join('\n'),
    })),
    ...families.map((f, i) => ({
      t: f.familyName,
      u: `/families/f${i}/`,
      y: 'f' as const,
      d: day(i * 7 + 0.5),
      b: `${f.membersSummary}\n${text(f.story)}`,
    })),
  ].sort((x, y) => y.d.localeCompare(x.d))
  return [
    ...dated,
    ...lecturers.map((l, i) => ({ t: l[1] ?? '', u: `/lecturers/l${i}/`, y: 'l' as const, b: l.slice(3).join('\n') })),
  ]
}

const docs = sampleDocs()
const index = buildSearchIndex(docs)
const engine = createEngine(index.manifest)

beforeAll(() => {
  vi.stubGlobal('fetch', async (url: string) => {
    const file = index.files.get(url.slice(index.manifest.base.length))
    return file === undefined
      ? new Response(null, { status: 404 })
      : new Response(typeof file === 'string' ? file : new TextDecoder().decode(file))
  })
})
afterAll(() => vi.unstubAllGlobals())

/** The engine's answer, checked against each document as the island does. */
async function search(query: string): Promise<number[]> {
  const terms = queryTerms(query)
  const hits = await engine.hits(terms)
  const found: number[] = []
  for (const hit of hits) if (contains(await engine.doc(hit.n), terms)) found.push(hit.n)
  return found
}

/** Brute force: every document containing every term, title matches first. */
function expected(query: string): number[] {
  const terms = queryTerms(query)
  const all = docs.flatMap((d, n) => (terms.every((t) => fold(`${d.t}\n${d.b}\n${d.k ?? ''}`).includes(t)) ? [n] : []))
  const inTitle = (n: number) =>
    terms.every((t) => keysOf(t).every((k) => runsOf(docs[n]?.t ?? '').some((r) => r.includes(k))))
  return [...all.filter(inTitle), ...all.filter((n) => !inTitle(n))]
}
const runsOf = (s: string) => fold(s).match(/[\p{L}\p{N}]+/gu) ?? []

describe('search index', () => {
  it('finds two-character words, single characters (surnames) and substrings, in result order', async () => {
    for (const q of [
      '亲子',
      '家风',
      '青春期',
      '运动会',
      '动会',
      '王',
      '李',
      '林',
      '庭',
      '子',
      '反家暴',
      '屏幕时间',
      '晓岚',
    ]) {
      expect(await search(q), q).toEqual(expected(q))
    }
  })

  it('answers random substrings of titles and bodies exactly (1–6 characters)', async () => {
    let seed = 12345
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return seed % n
    }
    for (let i = 0; i < 300; i++) {
      const doc = docs[random(docs.length)] as SearchDoc
      const source = Array.from(random(3) === 0 ? doc.t : doc.b)
      const length = 1 + random(6)
      const at = random(Math.max(1, source.length - length))
      const q = source.slice(at, at + length).join('')
      if (queryTerms(q).length === 0) continue
      expect(await search(q), q).toEqual(expected(q))
    }
  })

  it('puts title matches first, newest first within each group', async () => {
    const hits = await engine.hits(queryTerms('亲子'))
    const firstBody = hits.findIndex((h) => !h.inTitle)
    expect(firstBody).toBeGreaterThan(0)
    expect(hits.slice(firstBody).every((h) => !h.inTitle)).toBe(true)
    for (const group of [hits.slice(0, firstBody), hits.slice(firstBody)]) {
      const numbers = group.map((h) => h.n)
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    }
    expect(docs[hits[0]?.n ?? -1]?.t).toContain('亲子')
  })

  it('matches several terms, full-width and upper-case letters', async () => {
    expect(await search('亲子 家风')).toEqual(expected('亲子 家风'))
    expect(queryTerms('ＦＪ－００１  Abc')).toEqual(['fj', '001', 'abc'])
    expect(await search('没有这个词语吧')).toEqual([])
  })

  it('keeps the type of each document', () => {
    const types = expandTypes(index.manifest.types)
    expect(types).toHaveLength(docs.length)
    expect([...types]).toEqual(docs.map((d) => d.y))
    expect(compressTypes(['a', 'a', 'f', 'a'])).toBe('a2f1a1')
  })

  it('shards postings and writes one file per document under a content version', () => {
    expect(index.manifest.shards).toBeGreaterThan(1)
    expect(index.manifest.base).toBe(`/search/data/${index.version}/`)
    expect(index.version).toMatch(/^[0-9a-f]{12}$/)
    expect(index.files.size).toBe(index.manifest.shards + docs.length)
    expect(index.files.has(`d/${docs.length - 1}.json`)).toBe(true)
    expect(buildSearchIndex(docs).version).toBe(index.version)
    expect(buildSearchIndex(docs.slice(1)).version).not.toBe(index.version)
  })
})

describe('search helpers', () => {
  it('encodes postings as base-36 differences', () => {
    const values = [0, 3, 4, 40, 41, 1000]
    expect(decodePostings(encodePostings(values))).toEqual(values)
  })

  it('folds width and case without moving characters', () => {
    expect(fold('ＡＢＣ家风abc　X')).toBe('abc家风abc x')
    expect(fold('ＡＢＣ家风').length).toBe('ＡＢＣ家风'.length)
  })

  it('turns rendered rich text into lines of plain text', () => {
    expect(
      htmlToText('<h2>第一步</h2><p>听&nbsp;完 &amp; <strong>再</strong>说</p><ul><li>一</li><li>二</li></ul>'),
    ).toBe('第一步\n听 完 & 再说\n一\n二')
  })

  it('cuts an excerpt around the first match and highlights every term', () => {
    const body = `${'前文'.repeat(40)}孩子进入青春期以后，家长要学会倾听。\n第二段`
    const cut = excerpt(body, ['青春期'], 40)
    expect(cut.startsWith('…')).toBe(true)
    expect(cut).toContain('青春期')
    expect(cut.length).toBeLessThanOrEqual(42)
    expect(matchRanges('亲子沟通与亲子阅读', ['亲子', '沟通'])).toEqual([
      [0, 4],
      [5, 7],
    ])
    expect(excerpt('短文', ['没有'])).toBe('短文')
  })
})

describe('search snippets', () => {
  const chores = () => {
    const n = docs.findIndex((d) => d.t === '做家务，也是一堂家教课')
    return { n, doc: docs[n] as SearchDoc }
  }

  it('finds a document by its topic or author but shows its summary, not the run of metadata', async () => {
    const { n, doc } = chores()
    expect(doc.k).toContain('刘思琪')
    for (const query of ['刘思琪', '示例家长报']) {
      const terms = queryTerms(query)
      expect(await search(query), query).toContain(n)
      const shown = snippet(doc, terms)
      expect(shown.startsWith(doc.b.slice(0, 20)), query).toBe(true)
      expect(shown).not.toMatch(/刘思琪|示例家长报|家风家教/)
    }
  })

  it('shows the readable text around a match in it', async () => {
    const { doc } = chores()
    const word = Array.from(doc.b.split('\n')[2] ?? '')
      .slice(4, 8)
      .join('')
    const shown = snippet(doc, queryTerms(word))
    expect(shown).toContain(word)
    expect(shown.startsWith(doc.b.slice(0, 20))).toBe(false)
  })
})
