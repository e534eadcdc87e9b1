// @ts-check
import crypto from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import node from '@astrojs/node'
import preact from '@astrojs/preact'
import { defineConfig } from 'astro/config'
import { readingToolsScript } from './site/layouts/readingTools.ts'
import { searchIntegration } from './site/search/integration.ts'

/** Repository root: relative paths in settings resolve from here, never from the cwd. */
const rootDir = path.dirname(fileURLToPath(import.meta.url))
const fromRoot = (/** @type {string} */ p) => (path.isAbsolute(p) ? p : path.join(rootDir, p))

/**
 * Packages the content loaders pull in through the Payload Local API. They use native modules
 * (libsql, sharp), dynamic requires and Node built-ins, so Node loads them as they are instead of Vite.
 */
const payloadPackages = [
  'payload',
  '@payloadcms/db-sqlite',
  '@payloadcms/db-mongodb',
  '@payloadcms/drizzle',
  '@payloadcms/richtext-lexical',
  '@payloadcms/translations',
  '@libsql/client',
  'libsql',
  'drizzle-orm',
  'drizzle-kit',
  'sharp',
  'mongoose',
  'mongodb',
  'pino',
  'pino-pretty',
  'graphql',
  'ws',
]

/** A CSP source for exactly this inline text. */
const sha256 = (/** @type {string} */ text) =>
  /** @type {const} */ (`sha256-${crypto.createHash('sha256').update(text).digest('base64')}`)

/** The origin of a split deployment's CMS (CMS_URL): pages may load its images and call its API. */
const cmsOrigin = process.env.CMS_URL ? [new URL(process.env.CMS_URL).origin] : []

/**
 * The site's Content Security Policy, written by Astro into every page as a <meta>: scripts and styles from this
 * origin, and inline only where hashed (Astro hashes the inlined stylesheets and its island loader; the reading
 * tools' script is added here). The server's header adds what a <meta> cannot carry (frame-ancestors;
 * cms/server/securityHeaders.ts).
 */
const contentSecurityPolicy = {
  directives: /** @type {const} */ ([
    "default-src 'self'",
    `img-src 'self' data: ${cmsOrigin.join(' ')}`.trim(),
    `connect-src 'self' ${cmsOrigin.join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ]),
  // Payload's rich-text HTML writes empty `style=""` attributes (list items): allowed by the empty text's hash alone.
  styleDirective: {
    resources: ["'self'", { resource: "'unsafe-hashes'", kind: /** @type {const} */ ('attribute') }],
    hashes: [{ hash: sha256(''), kind: /** @type {const} */ ('attribute') }],
  },
  scriptDirective: {
    hashes: [sha256(readingToolsScript)],
  },
}

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  root: rootDir,
  srcDir: './site',
  publicDir: './site/public',
  outDir: fromRoot(process.env.FUJIA_SITE_OUT || 'data/site'),
  // The content store (entries, digests) lives here between builds; a build against another database can
  // point elsewhere so the two do not keep replacing each other's entries.
  cacheDir: fromRoot(process.env.FUJIA_SITE_CACHE || 'node_modules/.astro'),
  site: process.env.SITE_URL || 'http://localhost:3000',
  // Every page is prerendered except the staff-only draft preview (pages/preview, `prerender = false`): the build
  // writes the static site to <outDir>/client/ and the preview's request handler to <outDir>/server/entry.mjs,
  // which cms/server/httpServer.ts mounts at /preview/ (middleware mode: a Node (req, res, next) handler, no server of its own).
  output: 'static',
  adapter: node({ mode: 'middleware' }),
  // No Astro sessions (the adapter would otherwise set up file storage for them): the preview signs in via Payload.
  session: false,
  trailingSlash: 'always',
  security: { csp: contentSecurityPolicy },
  build: {
    format: 'directory',
    // One small stylesheet, inlined: no render-blocking request.
    inlineStylesheets: 'always',
    // Pages rendered at once: overlaps file writes with rendering, which pays even on 2 cores.
    concurrency: Number(process.env.FUJIA_SITE_CONCURRENCY || 4),
  },
  // Content pages ship no JavaScript: no prefetch, no client router, no dev toolbar.
  prefetch: false,
  devToolbar: { enabled: false },
  // Islands (site/islands) are written against React's API and rendered by Preact through preact/compat:
  // React 19's client alone is over the course page's JavaScript budget. The alias applies to this
  // Astro build only; the Payload admin (Next.js) keeps real React.
  // searchIntegration: the search index's files (site/search/buildFiles.ts) go into the built site.
  integrations: [
    preact({ compat: true, include: ['**/site/islands/**/*.tsx', '**/site/search/**/*.tsx'] }),
    searchIntegration(),
  ],
  vite: {
    resolve: { alias: { '@payload-config': path.join(rootDir, 'cms/payload.config.ts') } },
    ssr: { external: payloadPackages },
    optimizeDeps: { exclude: payloadPackages },
  },
})
