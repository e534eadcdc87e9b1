/**
 * Draft preview (pages/preview/[collection]/[id].astro): reads the latest draft of an article or a family
 * (autosaves included) at request time, as the signed-in editor, and shapes it with the site's own schemas so
 * the page prints it with the same components as the static page.
 *
 * Everything goes through Payload's REST API on this same server (cms/server/httpServer.ts passes its address in
 * `locals.payloadApi`; it is never taken from the request, whose Host header the client controls):
 * - who is asking: `GET /api/users/me` with the admin's `payload-token` cookie (sent as `Authorization: JWT …`);
 *   only staff (any role, as `isStaffUser` in the access rules) get further;
 * - the draft: `GET /api/<collection>/<id>?draft=true` with the same token, so Payload applies that user's
 *   access rules (REST is `overrideAccess: false` with the request's user);
 * - what the page shows around it (site settings, related topics, families and courses) is read WITHOUT the token,
 *   as the static build reads it: what the public can see, so a related draft drops out as it would on the site.
 */

import { stringify } from 'qs-esm'
import { isStaffUser } from '../../cms/access/roles.ts'
import { toEntryData } from './loaders.ts'
import { type ArticleLinks, articleLinks, type SiteSettings, siteSettings } from './published.ts'
import { entryFields, queries } from './queries.ts'
import { articleSchema, familySchema, honourSchema } from './schemas.ts'

export const TOKEN_COOKIE = 'payload-token'
export const previewCollections = ['articles', 'families'] as const
export type PreviewCollection = (typeof previewCollections)[number]
export const isPreviewCollection = (value: string | undefined): value is PreviewCollection =>
  (previewCollections as readonly string[]).includes(value ?? '')

type Doc = Record<string, unknown> & { id: string | number }
type Meta = { id: string; status: string; updatedAt?: string }

export type Preview =
  | { kind: 'unauthenticated' }
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  | { kind: 'invalid'; meta: Meta; settings: SiteSettings; issues: string[] }
  | ({
      kind: 'articles'
      meta: Meta
      settings: SiteSettings
      article: ReturnType<typeof articleSchema.parse>
      html: string
    } & ArticleLinks)
  | {
      kind: 'families'
      meta: Meta
      settings: SiteSettings
      family: ReturnType<typeof familySchema.parse>
      html: string
    }

/** Payload's REST API as the signed-in editor (the admin's token), so Payload applies that user's access rules. */
class UserApi {
  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  get(path: string, query: object = {}): Promise<Response> {
    const url = `${this.base.replace(/\/+$/, '')}${path}${stringify(query, { addQueryPrefix: true, encode: true })}`
    return fetch(url, {
      headers: { accept: 'application/json', authorization: `JWT ${this.token}` },
      redirect: 'error',
    })
  }
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
const issuesOf = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
  error.issues.map((i) => `${i.path.map(String).join('.') || '（整体）'}：${i.message}`)

/**
 * A draft is not validated on save (autosaves keep half-filled forms): fill what the page cannot do without
 * with visible placeholders, so most drafts can be previewed, and report what still does not fit the schema.
 */
function fillDraft(doc: Doc, titleField: 'title' | 'familyName'): Doc {
  return {
    ...doc,
    [titleField]: text(doc[titleField])?.trim() || '（未填写标题）',
    slug: SLUG.test(text(doc.slug) ?? '') ? doc.slug : 'draft',
  }
}

/** Reads and shapes the preview of document `id` of `collection` for the holder of `token`. */
export async function loadPreview(opts: {
  payloadApi: string
  collection: PreviewCollection
  id: string
  token: string | undefined
}): Promise<Preview> {
  const { collection, id, token } = opts
  if (!token) return { kind: 'unauthenticated' }
  const api = new UserApi(opts.payloadApi, token)

  const answer = await api.get('/users/me')
  if (!answer.ok) throw new Error(`GET /users/me → ${answer.status}`)
  const me = (await answer.json()) as { user?: { roles?: string[] | null } | null }
  if (!me.user) return { kind: 'unauthenticated' }
  if (!isStaffUser(me.user)) return { kind: 'forbidden' }

  // The query the build reads the published document with (data/queries.ts), on the latest draft.
  const response = await api.get(`/${collection}/${encodeURIComponent(id)}`, { ...queries[collection], draft: true })
  if (response.status === 404) return { kind: 'not-found' }
  if (response.status === 401) return { kind: 'unauthenticated' }
  if (response.status === 403) return { kind: 'forbidden' }
  if (!response.ok) throw new Error(`GET /${collection}/${id} → ${response.status}`)
  const doc = (await response.json()) as Doc
  const meta: Meta = { id: String(doc.id), status: text(doc._status) ?? 'draft', updatedAt: text(doc.updatedAt) }
  const settings = await siteSettings(opts.payloadApi)
  // Rich text to HTML as the build's loaders do it (the body apart, as `html`).
  const { data, html = '' } = toEntryData(doc, entryFields[collection])
  const draft = data as Doc

  if (collection === 'articles') {
    const parsed = articleSchema.safeParse({
      ...fillDraft(draft, 'title'),
      summary: text(doc.summary) ?? '',
      origin: doc.origin ?? 'original',
      sourceUrl: /^https?:\/\/\S+$/.test(text(doc.sourceUrl) ?? '') ? doc.sourceUrl : null,
    })
    if (!parsed.success) return { kind: 'invalid', meta, settings, issues: issuesOf(parsed.error) }
    const article = parsed.data
    const links = await articleLinks(opts.payloadApi, article)
    return { kind: 'articles', meta, settings, article, html, ...links }
  }

  const parsed = familySchema.safeParse({
    ...fillDraft(draft, 'familyName'),
    street: text(doc.street) ?? '',
    // Half-entered honour rows are left out rather than failing the whole preview.
    honours: (Array.isArray(doc.honours) ? doc.honours : []).filter((h) => honourSchema.safeParse(h).success),
  })
  if (!parsed.success) return { kind: 'invalid', meta, settings, issues: issuesOf(parsed.error) }
  return { kind: 'families', meta, settings, family: parsed.data, html }
}
