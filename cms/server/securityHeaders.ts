import type http from 'node:http'

/** The parts of the one-port server that need different policies (cms/server/requestRouter.ts). */
export type Area = 'site' | 'admin' | 'api' | 'media'

const policy = (directives: string[]) => directives.join('; ')

/** Nothing may frame any page (clickjacking), embed plugins or re-point relative URLs. */
const everywhere = ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]

/**
 * Content-Security-Policy per area. The static site's own policy (self only; inline scripts and styles only by
 * hash) is the <meta> Astro writes into every page (astro.config.mjs `security.csp`), computed from what the page
 * holds; the header adds what a <meta> cannot carry. Both are enforced, so the header leaves scripts and styles to
 * the page. The admin (Next) writes inline scripts and styles for hydration and its components, so it is kept to
 * this origin with inline allowed. API answers and uploads are never documents to run: an SVG or HTML file
 * opened directly gets no scripts, styles or plugins.
 */
const contentPolicies: Record<Area, string> = {
  site: policy(everywhere),
  admin: policy([
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    ...everywhere,
  ]),
  api: policy(["default-src 'none'", 'sandbox', ...everywhere]),
  media: policy(["default-src 'none'", 'sandbox', ...everywhere]),
}

const HSTS_SECONDS = 365 * 24 * 60 * 60

/**
 * The headers every response carries, by area. HSTS only when the site is served over https (SITE_URL): sent over
 * plain http it would be ignored, and on a development machine it would pin localhost to https.
 */
export function securityHeaders(opts: { https: boolean }) {
  const common: [string, string][] = [
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ...(opts.https ? ([['Strict-Transport-Security', `max-age=${HSTS_SECONDS}`]] as [string, string][]) : []),
  ]
  return (res: http.ServerResponse, area: Area) => {
    for (const [name, value] of common) res.setHeader(name, value)
    res.setHeader('Content-Security-Policy', contentPolicies[area])
  }
}
