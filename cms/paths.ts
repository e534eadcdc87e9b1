import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Repository root: relative paths in settings resolve from here, never from the cwd. `FUJIA_ROOT` is set by
 * `npm start` because inside the bundled admin `import.meta.url` points into cms/.next.
 */
export const rootDir = process.env.FUJIA_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const cmsDir = path.join(rootDir, 'cms')

export const resolveFromRoot = (p: string): string => (path.isAbsolute(p) ? p : path.join(rootDir, p))

/** Database file, uploads and site builds; `DATA_DIR` moves them (tests use a throwaway one). */
export const dataDir = resolveFromRoot(process.env.DATA_DIR || 'data')
