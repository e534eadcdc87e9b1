import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)
const compressible = /\.(html|css|js|mjs|json|xml|svg|txt|webmanifest)$/

/** The previous build's compressed copies of a file, when that file is byte for byte the same. */
async function reusable(file: string, data: Buffer, dir: string, previousDir: string | undefined) {
  if (!previousDir) return undefined
  const before = path.join(previousDir, path.relative(dir, file))
  try {
    const old = await fs.readFile(before)
    if (!old.equals(data)) return undefined
    await Promise.all([fs.access(`${before}.br`), fs.access(`${before}.gz`)])
    return before
  } catch {
    return undefined
  }
}

/** Hard link (builds never change a file in place), or a copy where links are not possible. */
const linkOrCopy = (from: string, to: string) => fs.link(from, to).catch(() => fs.copyFile(from, to))

/**
 * Writes .br and .gz beside each text file, once at build time, so requests are served pre-compressed. Files
 * unchanged since `previousDir` (the build being replaced) reuse its compressed copies: a rebuild after one
 * edit compresses the few pages that changed, not the whole site.
 */
export async function precompress(dir: string, previousDir?: string): Promise<void> {
  const files = (await fs.readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && compressible.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
  await forEachLimited(files, 32, async (file) => {
    const data = await fs.readFile(file)
    if (data.length < 1024) return
    const previous = await reusable(file, data, dir, previousDir)
    if (previous) {
      await Promise.all([linkOrCopy(`${previous}.br`, `${file}.br`), linkOrCopy(`${previous}.gz`, `${file}.gz`)])
      return
    }
    const [br, gz] = await Promise.all([
      brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }),
      gzip(data, { level: 9 }),
    ])
    await Promise.all([fs.writeFile(`${file}.br`, br), fs.writeFile(`${file}.gz`, gz)])
  })
}

/** Runs `work` over `items`, `limit` at a time (tens of thousands of pages must not open as many files at once). */
async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
}
