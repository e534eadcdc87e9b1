import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** Hash of every file under the given roots (sorted, so it is stable): tells whether a build is out of date. */
export function hashSources(roots: string[], accept: (file: string) => boolean = () => true): string {
  const hash = crypto.createHash('sha256')
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))
    for (const entry of entries) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.next') walk(full)
      } else if (accept(full)) {
        hash.update(full).update(fs.readFileSync(full))
      }
    }
  }
  for (const root of [...roots].sort()) {
    if (!fs.existsSync(root)) continue
    if (fs.statSync(root).isDirectory()) walk(root)
    else hash.update(root).update(fs.readFileSync(root))
  }
  return hash.digest('hex').slice(0, 16)
}

const relativeImport = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"?#]+)['"]/g

/** A relative specifier as bundlers resolve it: the file itself, or with an extension left out. */
const resolveLocal = (target: string): string | undefined =>
  ['', '.ts', '.tsx', '.js', '.mjs']
    .map((ext) => target + ext)
    .find((f) => fs.statSync(f, { throwIfNoEntry: false })?.isFile())

/**
 * Every local file the given entry files reach through relative imports (static and dynamic), entries included:
 * what a bundle built from them is made of, so its freshness needs no hand-kept list of files.
 */
export function importClosure(entries: string[]): string[] {
  const seen = new Set<string>()
  const visit = (file: string | undefined) => {
    if (!file || seen.has(file)) return
    seen.add(file)
    for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(relativeImport)) {
      visit(resolveLocal(path.resolve(path.dirname(file), spec as string)))
    }
  }
  for (const entry of entries) visit(resolveLocal(entry))
  return [...seen]
}
