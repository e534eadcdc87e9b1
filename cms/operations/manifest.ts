import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

/** The manifest's place inside an archive; everything else in the archive is listed in it. */
export const MANIFEST_NAME = 'manifest.json'
/** The database's name inside an archive and in a restored data directory (DATABASE_URI's default there). */
export const DATABASE_NAME = 'fujia.db'
export const MEDIA_DIR = 'media'

const fileEntry = z.object({ path: z.string().min(1), size: z.number().int().min(0), sha256: z.string().length(64) })
export type FileEntry = z.infer<typeof fileEntry>

export const manifestSchema = z.object({
  format: z.literal(1),
  app: z.object({ name: z.literal('fujia'), version: z.string() }),
  /** When the database snapshot's read transaction began: everything committed before it is in the archive. */
  snapshotStartedAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  database: z.object({
    file: z.literal(DATABASE_NAME),
    /** The last schema migration applied (payload_migrations), or null for a database without any. */
    migration: z.string().nullable(),
    integrityCheck: z.string(),
    rowCounts: z.record(z.string(), z.number().int().min(0)),
  }),
  /** Identifies the PAYLOAD_SECRET the data was written with (the secret itself is never in a backup). */
  secretFingerprint: z.string(),
  files: z.array(fileEntry),
})
export type Manifest = z.infer<typeof manifestSchema>

export class ManifestError extends Error {
  override name = 'ManifestError'
}

/**
 * A one-way fingerprint of the secret: restore can tell whether the secret it runs with is the one the backup's
 * data was signed with (sessions, calendar links) without the backup ever holding anything that reveals it.
 */
export const secretFingerprint = (secret: string): string =>
  crypto.createHash('sha256').update(`fujia-backup-secret-check:${secret}`).digest('hex').slice(0, 16)

export async function sha256OfFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256')
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Every regular file under `dir` (recursively), with paths relative to it in POSIX form, in a stable order. */
export async function describeFiles(dir: string, under = ''): Promise<FileEntry[]> {
  const found: FileEntry[] = []
  const entries = await fs.promises.readdir(path.join(dir, under), { withFileTypes: true })
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = under ? `${under}/${entry.name}` : entry.name
    if (entry.isDirectory()) found.push(...(await describeFiles(dir, relative)))
    else if (entry.isFile()) {
      const file = path.join(dir, relative)
      found.push({ path: relative, size: (await fs.promises.stat(file)).size, sha256: await sha256OfFile(file) })
    }
  }
  return found
}

/**
 * What differs between the files a manifest lists and the files found (in an archive or a directory): missing,
 * unexpected, or of another size or checksum. An empty list means they match exactly.
 */
export function compareFiles(expected: FileEntry[], found: FileEntry[]): string[] {
  const foundByPath = new Map(found.map((f) => [f.path, f]))
  const problems: string[] = []
  for (const want of expected) {
    const got = foundByPath.get(want.path)
    foundByPath.delete(want.path)
    if (!got) problems.push(`缺少文件 ${want.path}`)
    else if (got.size !== want.size) problems.push(`${want.path} 大小不符（应为 ${want.size}，实为 ${got.size} 字节）`)
    else if (got.sha256 !== want.sha256) problems.push(`${want.path} 校验和不符（sha256）`)
  }
  for (const extra of foundByPath.keys()) problems.push(`清单外的文件 ${extra}`)
  return problems
}

export function parseManifest(text: string): Manifest {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new ManifestError('备份清单（manifest.json）不是有效的 JSON')
  }
  const result = manifestSchema.safeParse(json)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ManifestError(`备份清单（manifest.json）格式不符：\n${lines.join('\n')}`)
  }
  return result.data
}
