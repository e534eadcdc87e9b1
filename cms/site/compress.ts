import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)
const compressible = /\.(html|css|js|mjs|json|xml|svg|txt|webmanifest)$/

/** Writes .br and .gz beside each text file, once at build time, so requests are served pre-compressed. */
export async function precompress(dir: string): Promise<void> {
  const files = (await fs.readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && compressible.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
  await Promise.all(
    files.map(async (file) => {
      const data = await fs.readFile(file)
      if (data.length < 1024) return
      const [br, gz] = await Promise.all([
        brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }),
        gzip(data, { level: 9 }),
      ])
      await Promise.all([fs.writeFile(`${file}.br`, br), fs.writeFile(`${file}.gz`, gz)])
    }),
  )
}
