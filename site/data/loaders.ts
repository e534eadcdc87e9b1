/**
 * Content-layer object loaders over the data source (source.ts).
 *
 * Each build lists what the anonymous reader may see and, per document:
 * - skips it when its digest (of the whole document as read) matches the stored entry: nothing is re-validated
 *   or re-rendered;
 * - otherwise converts its rich text to HTML, validates it with the collection's zod schema and stores it;
 * and afterwards deletes stored entries that were not listed (unpublished, deleted, or no longer upcoming).
 *
 * Astro clears its store when content.config.ts changes, but not when the code it imports does; the loaders
 * keep a digest of site/data and site/lib in the collection's meta store and start afresh when it differs.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Loader, LoaderContext } from 'astro/loaders'
import type { EntryFields, PayloadDoc } from './queries.ts'
import { richTextToHTML } from './richtext.ts'

let codeDigest: string | undefined
/** Digest of the code that shapes stored entries (site/data, site/lib). */
function codeVersion(context: LoaderContext): string {
  if (codeDigest) return codeDigest
  const srcDir = fileURLToPath(context.config.srcDir)
  const files = ['data', 'lib'].flatMap((dir) =>
    fs
      .readdirSync(path.join(srcDir, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|js|mjs)$/.test(f))
      .sort()
      .map((f) => `${dir}/${f}\n${fs.readFileSync(path.join(srcDir, dir, f), 'utf8')}`),
  )
  codeDigest = context.generateDigest(files.join('\n'))
  return codeDigest
}

/** A document as stored in an entry: rich text converted to HTML (the body apart, as `rendered.html`). */
export function toEntryData(doc: PayloadDoc, fields: EntryFields): { data: Record<string, unknown>; html?: string } {
  const data: Record<string, unknown> = { ...doc }
  let html: string | undefined
  if (fields.rendered) {
    html = richTextToHTML(doc[fields.rendered], fields.topHeading)
    delete data[fields.rendered]
  }
  for (const name of fields.html ?? []) data[name] = richTextToHTML(doc[name], fields.topHeading)
  return { data, html }
}

async function sync(
  context: LoaderContext,
  docs: AsyncIterable<PayloadDoc>,
  fields: EntryFields,
  idOf = (d: PayloadDoc) => String(d.id),
) {
  const { store, meta, logger } = context
  const version = codeVersion(context)
  if (meta.get('code') !== version) {
    store.clear()
    meta.set('code', version)
  }
  const started = performance.now()
  const seen = new Set<string>()
  let changed = 0
  for await (const doc of docs) {
    const id = idOf(doc)
    seen.add(id)
    const digest = context.generateDigest(doc as Record<string, unknown>)
    if (store.get(id)?.digest === digest) continue
    const { data, html } = toEntryData(doc, fields)
    const parsed = await context.parseData({ id, data })
    store.set({ id, data: parsed, digest, rendered: html === undefined ? undefined : { html } })
    changed++
  }
  let removed = 0
  for (const id of store.keys()) {
    if (!seen.has(id)) {
      store.delete(id)
      removed++
    }
  }
  const ms = Math.round(performance.now() - started)
  logger.info(`${seen.size} entries (${changed} updated, ${removed} removed) in ${ms} ms`)
}

/** A collection of Payload documents, one entry per document, keyed by the document's ID. */
export const payloadCollection = (
  name: string,
  list: () => AsyncIterable<PayloadDoc>,
  fields: EntryFields = {},
): Loader => ({
  name: `payload:${name}`,
  load: (context) => sync(context, list(), fields),
})

/** A Payload global as a collection with one entry, keyed by the global's slug. */
export const payloadGlobal = (
  slug: string,
  get: () => Promise<Record<string, unknown>>,
  fields: EntryFields = {},
): Loader => ({
  name: `payload-global:${slug}`,
  load: async (context) => {
    const doc = await get()
    async function* one() {
      yield { ...doc, id: slug } as PayloadDoc
    }
    await sync(context, one(), fields, () => slug)
  },
})
