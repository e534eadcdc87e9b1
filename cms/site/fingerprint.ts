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
  for (const root of roots) {
    if (!fs.existsSync(root)) continue
    if (fs.statSync(root).isDirectory()) walk(root)
    else hash.update(root).update(fs.readFileSync(root))
  }
  return hash.digest('hex').slice(0, 16)
}
