/**
 * The on-demand render routes (pages/render): the page of one published article or family, as the static build
 * prints it, for cms/publishing/patchSite.ts to put live before the next full build. They are reached only through the
 * build's server entry called by that code (cms/server/httpServer.ts hands the public nothing but /preview/ to it).
 * The page's static path is in the PAGE_PATH_HEADER; 410 Gone: the public cannot see that document (any more).
 */
export const PAGE_PATH_HEADER = 'X-Fujia-Page-Path'

const ID = /^[\w-]{1,64}$/

/** The REST API and the document's ID of a render request, or the response that refuses it. */
export function renderRequest(astro: {
  params: Record<string, string | undefined>
  locals: App.Locals
}): { api: string; id: string } | Response {
  const { id = '' } = astro.params
  const api = astro.locals.payloadApi
  if (!api) return new Response('payloadApi not set', { status: 503 })
  if (!ID.test(id)) return new Response(null, { status: 404 })
  return { api, id }
}

/** Marks the response as the static page at `path` (canonical URL, breadcrumbs, navigation). */
export function standFor(astro: { locals: App.Locals; response: { headers: Headers } }, path: string) {
  astro.locals.pagePath = path
  astro.response.headers.set(PAGE_PATH_HEADER, path)
}

/** The document is not public (unpublished, deleted): its page comes off the site. */
export const gone = (): Response => new Response(null, { status: 410 })
