import crypto from 'node:crypto'
import fs from 'node:fs'
import { create, entries, extract } from 'tar'
import { type FileEntry, MANIFEST_NAME } from './manifest.ts'

/**
 * Packs everything in `dir` into a gzip-compressed tar at `file`, written under a temporary name first. Readable
 * by its owner only: it holds parents' names and phone numbers.
 */
export async function packArchive(dir: string, file: string): Promise<void> {
  const partial = `${file}.partial`
  try {
    await create(
      { file: partial, mode: 0o600, gzip: true, portable: true, strict: true, cwd: dir },
      fs.readdirSync(dir),
    )
    fs.renameSync(partial, file)
  } catch (error) {
    fs.rmSync(partial, { force: true })
    throw error
  }
}

/**
 * Reads an archive through once without writing anything: its manifest's text and the size and sha256 of every
 * other file in it. A damaged or truncated archive fails here (gzip and tar both check their framing).
 */
export async function readArchive(file: string): Promise<{ manifestText?: string; files: FileEntry[] }> {
  const files: FileEntry[] = []
  let manifestText: string | undefined
  for await (const entry of entries(fs.createReadStream(file), { file, strict: true })) {
    if (entry.type !== 'File') continue
    if (entry.path === MANIFEST_NAME) {
      manifestText = await entry.text()
      continue
    }
    files.push({ path: entry.path, ...(await hashStream(entry.body)) })
  }
  return { manifestText, files }
}

async function hashStream(body: ReadableStream<Uint8Array>): Promise<{ size: number; sha256: string }> {
  const hash = crypto.createHash('sha256')
  let size = 0
  const reader = body.getReader()
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    hash.update(chunk.value)
    size += chunk.value.length
  }
  return { size, sha256: hash.digest('hex') }
}

/** Unpacks an archive into an existing, empty directory. */
export async function extractArchive(file: string, dir: string): Promise<void> {
  await extract({ file, cwd: dir, strict: true })
}
