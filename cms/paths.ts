import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Repository root: relative paths in settings resolve from here, never from the cwd. */
export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const cmsDir = path.join(rootDir, 'cms')
export const dataDir = path.join(rootDir, 'data')

export const resolveFromRoot = (p: string): string => (path.isAbsolute(p) ? p : path.join(rootDir, p))
