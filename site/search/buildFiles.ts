/**
 * Builds the search index's files from documents (format in format.ts): postings sharded by key, one file per
 * document, all under a version folder named by their content. Pure Node; index.ts feeds it the site's
 * published content.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { compressTypes, type SearchDoc, type SearchManifest, shardOf } from './format.ts'

/** Where the files are served from; a version folder goes under it. */
export const SEARCH_DATA_PATH = '/search/data/'
/** The folder the index is written to during a build (set by integration.ts, read by index.ts). */
export const SEARCH_STAGING_ENV = 'FUJIA_SEARCH_STAGING_DIR'
/** Postings bytes per shard aimed at (before compression): a query of n characters fetches at most n shards. */
const SHARD_TARGET_BYTES = 16 * 1024

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/** Rendered rich text → plain text, one block a line. */
export function htmlToText(html: string | undefined): string {
  if (!html) return ''
  return html
    .replace(/<\/(?:p|h[1-6]|li|blockquote|figcaption|pre|tr|div)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (all, dec, hex, name) => {
      if (dec) return String.fromCodePoint(Number(dec))
      if (hex) return String.fromCodePoint(Number.parseInt(hex, 16))
      return entities[name.toLowerCase()] ?? all
    })
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
}

export type SearchIndex = {
  manifest: SearchManifest
  /** Folder name under {@link SEARCH_DATA_PATH}: a digest of every file, so a changed index never mixes with an old one. */
  version: string
  /** Path in the version folder (`p/0.txt`, `d/0.json`) → content. */
  files: Map<string, string | Uint8Array>
  stats: { docs: number; keys: number; postings: number; shards: number; postingBytes: number; docBytes: number }
}

/**
 * Character ids stay below this, so that a pair of ids is one small integer. Chinese text uses a few thousand
 * characters; past 32,767 distinct ones, further characters are not indexed (they split runs, like punctuation).
 */
const ID_LIMIT = 32_768
const wordChar = /^[\p{L}\p{N}]$/u

/** Open-addressing hash table from non-negative integer keys to slots (a Map costs ~4× as much here). */
class SlotTable {
  private keys = new Int32Array(1 << 16).fill(-1)
  private slots = new Int32Array(1 << 16)
  private size = 0
  /** The key's slot, or -1 - (where to insert it). */
  find(key: number): number {
    const mask = this.keys.length - 1
    for (let i = (Math.imul(key, 0x9e3779b1) >>> 0) & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i] as number
      if (k === key) return this.slots[i] as number
      if (k === -1) return -1 - i
    }
  }
  insert(at: number, key: number, slot: number) {
    this.keys[at] = key
    this.slots[at] = slot
    if (++this.size * 2 > this.keys.length) {
      const { keys, slots } = this
      this.keys = new Int32Array(keys.length * 2).fill(-1)
      this.slots = new Int32Array(keys.length * 2)
      for (let i = 0; i < keys.length; i++) {
        if (keys[i] !== -1) {
          const to = -1 - this.find(keys[i] as number)
          this.keys[to] = keys[i] as number
          this.slots[to] = slots[i] as number
        }
      }
    }
  }
}

/** A copy of `array` twice as long, the new half filled with `fill`. */
function grow(array: Int32Array<ArrayBuffer>, fill: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2)
  grown.set(array)
  if (fill !== 0) grown.fill(fill, array.length)
  return grown
}

const DIGITS = Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz')

/** Length of `encodePostings(values[from..to])`. */
function postingsLength(values: Int32Array, from: number, to: number): number {
  let length = to - from - 1
  let last = 0
  for (let i = from; i < to; i++) {
    let delta = (values[i] as number) - last
    last = values[i] as number
    do {
      length++
      delta = Math.floor(delta / 36)
    } while (delta > 0)
  }
  return length
}

/** Writes `encodePostings(values[from..to])` into `out` at `at`; returns the end. */
function writePostings(values: Int32Array, from: number, to: number, out: Buffer, at: number): number {
  let last = 0
  for (let i = from; i < to; i++) {
    if (i > from) out[at++] = 44 // ,
    let delta = (values[i] as number) - last
    last = values[i] as number
    let digits = 0
    for (let d = delta; d >= 36; d = Math.floor(d / 36)) digits++
    for (let k = digits; k >= 0; k--) {
      out[at + k] = DIGITS[delta % 36] as number
      delta = Math.floor(delta / 36)
    }
    at += digits + 1
  }
  return at
}

/**
 * Builds the postings with integer keys (a character's id, or a pair of ids), reading text as fold() and
 * runsOf() do: the same characters and runs, without a string per key. Every (key, document) pair is logged
 * once, in document order, then grouped by key with a counting sort.
 */
export function buildSearchIndex(docs: readonly SearchDoc[]): SearchIndex {
  /** Character id by code point (BMP in a table, the rest in a Map); -1: splits runs; -2: not seen yet. */
  const bmpIds = new Int32Array(0x10000).fill(-2)
  const astralIds = new Map<number, number>()
  const codeOfId: number[] = []
  /** Slot of a single character's key is its id; pairs get slots from the table, after ID_LIMIT. */
  const pairs = new SlotTable()
  const keyOfSlot: number[] = Array.from({ length: ID_LIMIT }, (_, i) => i)
  let lastDoc = new Int32Array(ID_LIMIT * 2).fill(-1)

  const newId = (code: number): number =>
    codeOfId.length < ID_LIMIT - 1 && wordChar.test(String.fromCodePoint(code)) ? codeOfId.push(code) - 1 : -1
  let logSlot = new Int32Array(1 << 20)
  let logValue = new Int32Array(1 << 20)
  let logged = 0
  // One loop, no closures over the growing state, so that its variables stay in registers.
  for (let n = 0; n < docs.length; n++) {
    const doc = docs[n] as SearchDoc
    for (let part = 0; part < 3; part++) {
      // The title first, so a key in the title keeps its title flag.
      const text = part === 0 ? doc.t : part === 1 ? doc.b : (doc.k ?? '')
      const value = n * 2 + (part === 0 ? 1 : 0)
      let prev = -1
      for (let i = 0; i < text.length; i++) {
        let code = text.charCodeAt(i)
        let id: number
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
          code = ((code - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00) + 0x10000
          id = astralIds.get(code) ?? -2
          if (id === -2) {
            id = newId(code)
            astralIds.set(code, id)
          }
        } else {
          // fold(): full-width ASCII → ASCII, A–Z → a–z (the ideographic space is no word character either way).
          if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0
          if (code >= 65 && code <= 90) code += 32
          id = bmpIds[code] as number
          if (id === -2) bmpIds[code] = id = newId(code)
        }
        if (id < 0) {
          prev = -1
          continue
        }
        // The character, then the pair it ends; each logged once per document.
        let slot = id
        for (let k = 0; k < (prev < 0 ? 1 : 2); k++) {
          if (k === 1) {
            const key = prev * ID_LIMIT + id
            slot = pairs.find(key)
            if (slot < 0) {
              const at = -1 - slot
              slot = keyOfSlot.push(key + ID_LIMIT) - 1
              pairs.insert(at, key, slot)
              if (slot >= lastDoc.length) lastDoc = grow(lastDoc, -1)
            }
          }
          if (lastDoc[slot] !== n) {
            lastDoc[slot] = n
            if (logged === logSlot.length) {
              logSlot = grow(logSlot, 0)
              logValue = grow(logValue, 0)
            }
            logSlot[logged] = slot
            logValue[logged++] = value
          }
        }
        prev = id
      }
    }
  }

  // Group the log by slot (stable: each key's values stay in document order).
  const slotCount = keyOfSlot.length
  const start = new Int32Array(slotCount + 1)
  for (let i = 0; i < logged; i++) (start[(logSlot[i] as number) + 1] as number)++
  for (let s = 0; s < slotCount; s++) start[s + 1] = (start[s + 1] as number) + (start[s] as number)
  const next = start.slice(0, slotCount)
  const values = new Int32Array(logged)
  for (let i = 0; i < logged; i++) {
    const slot = logSlot[i] as number
    values[next[slot] as number] = logValue[i] as number
    next[slot] = (next[slot] as number) + 1
  }
  const postings = logged

  /** Slots below ID_LIMIT are characters; above, `ID_LIMIT + first * ID_LIMIT + second`. */
  const keyText = (key: number) =>
    key < ID_LIMIT
      ? String.fromCodePoint(codeOfId[key] as number)
      : String.fromCodePoint(codeOfId[Math.floor(key / ID_LIMIT) - 1] as number, codeOfId[key % ID_LIMIT] as number)
  const encoded: [string, number][] = []
  for (let slot = 0; slot < slotCount; slot++) {
    if ((start[slot + 1] as number) > (start[slot] as number)) encoded.push([keyText(keyOfSlot[slot] as number), slot])
  }
  encoded.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))

  // Lines `<key> <postings>\n` written as bytes (as encodePostings() spells them): 20 million numbers as
  // strings would keep the garbage collector busy for seconds.
  const keyBytes = encoded.map(([key]) => Buffer.from(`${key} `))
  const lineBytes = encoded.map(
    ([, slot], i) =>
      (keyBytes[i] as Buffer).length + postingsLength(values, start[slot] as number, start[slot + 1] as number) + 1,
  )
  const postingBytes = lineBytes.reduce((sum, n) => sum + n, 0)
  let shards = 1
  while (postingBytes / shards > SHARD_TARGET_BYTES) shards *= 2
  const byShard: number[][] = Array.from({ length: shards }, () => [])
  encoded.forEach(([key], i) => {
    byShard[shardOf(key, shards)]?.push(i)
  })

  const files = new Map<string, string | Uint8Array>()
  byShard.forEach((lines, shard) => {
    const out = Buffer.allocUnsafe(lines.reduce((sum, i) => sum + (lineBytes[i] as number), 0))
    let at = 0
    for (const i of lines) {
      at += (keyBytes[i] as Buffer).copy(out, at)
      const slot = (encoded[i] as [string, number])[1]
      at = writePostings(values, start[slot] as number, start[slot + 1] as number, out, at)
      out[at++] = 10
    }
    files.set(`p/${shard}.txt`, out)
  })
  let docBytes = 0
  docs.forEach((doc, n) => {
    const json = JSON.stringify(doc)
    docBytes += Buffer.byteLength(json)
    files.set(`d/${n}.json`, json)
  })

  const hash = createHash('sha256')
  for (const [path, content] of files) hash.update(`${path}\0`).update(content).update('\0')
  const version = hash.digest('hex').slice(0, 12)

  return {
    manifest: { base: `${SEARCH_DATA_PATH}${version}/`, shards, types: compressTypes(docs.map((d) => d.y)) },
    version,
    files,
    stats: { docs: docs.length, keys: encoded.length, postings, shards, postingBytes, docBytes },
  }
}

/** Writes the index's files into `<dir>/<version>/`, replacing any other version there. */
export async function writeSearchFiles(index: SearchIndex, dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true })
  for (const old of await fs.readdir(dir)) {
    if (old !== index.version) await fs.rm(path.join(dir, old), { recursive: true, force: true })
  }
  const root = path.join(dir, index.version)
  await Promise.all(['p', 'd'].map((sub) => fs.mkdir(path.join(root, sub), { recursive: true })))
  const entries = [...index.files]
  for (let i = 0; i < entries.length; i += 64) {
    await Promise.all(entries.slice(i, i + 64).map(([file, text]) => fs.writeFile(path.join(root, file), text)))
  }
}
