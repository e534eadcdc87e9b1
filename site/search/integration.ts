/**
 * Gets the search index's files (buildFiles.ts) into the site. Astro renders a page per file far slower than a
 * plain file write, and there are thousands of them, so the search page's render writes them to a staging folder instead, and:
 * - `astro build`: once the site is built, the version folder is moved to `<client dir>/search/data/`;
 * - `astro dev`: requests for `/search/data/…` are answered from the staging folder.
 * The folder reaches the page's render through the environment (the prerender may run in another module graph).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { SEARCH_DATA_PATH, SEARCH_STAGING_ENV } from './buildFiles.ts'

const contentTypes: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
}

function move(from: string, to: string) {
  fs.mkdirSync(path.dirname(to), { recursive: true })
  fs.rmSync(to, { recursive: true, force: true })
  try {
    fs.renameSync(from, to)
  } catch {
    // Another file system: copy instead.
    fs.cpSync(from, to, { recursive: true })
    fs.rmSync(from, { recursive: true, force: true })
  }
}

export function searchIntegration(): AstroIntegration {
  let staging = ''
  return {
    name: 'fujia:search-index',
    hooks: {
      'astro:config:setup': ({ config }) => {
        staging = path.join(fileURLToPath(config.cacheDir), 'search-index', String(process.pid))
        fs.rmSync(staging, { recursive: true, force: true })
        process.env[SEARCH_STAGING_ENV] = staging
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const url = req.url?.split('?')[0] ?? ''
          if (!url.startsWith(SEARCH_DATA_PATH)) return next()
          const file = path.join(staging, path.normalize(decodeURIComponent(url.slice(SEARCH_DATA_PATH.length))))
          if (!file.startsWith(staging) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return next()
          res.setHeader('content-type', contentTypes[path.extname(file)] ?? 'application/octet-stream')
          res.end(fs.readFileSync(file))
        })
      },
      'astro:build:done': ({ dir, logger }) => {
        const versions = fs.existsSync(staging) ? fs.readdirSync(staging) : []
        if (versions.length !== 1)
          throw new Error(`search index: expected one version in ${staging}, found ${versions.length}`)
        const version = versions[0] as string
        const target = path.join(fileURLToPath(dir), SEARCH_DATA_PATH, version)
        move(path.join(staging, version), target)
        fs.rmSync(staging, { recursive: true, force: true })
        logger.info(`search index ${version} → ${path.relative(process.cwd(), target)}`)
      },
    },
  }
}
