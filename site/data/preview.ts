/**
 * Draft preview (pages/preview/[collection]/[id].astro): reads the latest draft of an article or a family
 * (autosaves included) at request time, as the signed-in editor, and shapes it with the site's own schemas so
 * the page prints it with the same components as the static page.
 *
 * Everything goes through Payload's REST API on this same server (cms/server.ts passes its address in
 * `locals.payloadApi`; it is never taken from the request, whose Host header the client controls):
 * - who is asking: `GET /api/users/me` with the admin's `payload-token` cookie (sent as `Authorization: JWT …`);
 *   only staff (any role, as `isStaffUser` in the access rules) get further;
 * - the draft: `GET /api/<collection>/<id>?draft=true` with the same token, so Payload applies that user's
 *   access rules (REST is `overrideAccess: false` with the request's user);
 * - what the page shows around it (site settings, related topics, families and courses) is read WITHOUT the token,
 *   as the static build reads it: what the public can see, so a related draft drops out as it would on the site.
 */
import { isStaffUser } from '../../cms/access/roles.ts'
import { richTextToHTML } from './richtext.ts'
import { articleSchema, familySchema, honourSchema, siteSettingsSchema } from './schemas.ts'

export const TOKEN_COOKIE = 'payload-token'
export const previewCollections = ['articles', 'families'] as const
export type PreviewCollection = (typeof previewCollections)[number]
export const isPreviewCollection = (value: string | undefined): value is PreviewCollection =>
  (previewCollections as readonly string[]).includes(value ?? '')

type Doc = Record<string, unknown> & { id: string | number }
type Named<K extends string> = { [key in K]: string } & { slug: string }
type SiteSettings = ReturnType<typeof siteSettingsSchema.parse>
type Meta = { id: string; status: string; updatedAt?: string }

export type Preview =
  | { kind: 'unauthenticated' }
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  | { kind: 'invalid'; meta: Meta; settings: SiteSettings; issues: string[] }
  | {
      kind: 'articles'
      meta: Meta
      settings: SiteSettings
      article: ReturnType<typeof articleSchema.parse>
      html: string
      topics: Named<'name'>[]
      families: Named<'familyName'>[]
      courses: (Named<'title'> & { code: string })[]
    }
  | {
      kind: 'families'
      meta: Meta
      settings: SiteSettings
      family: ReturnType<typeof familySchema.parse>
      html: string
    }

class Api {
  constructor(
    private readonly base: string,
    private readonly token?: string,
  ) {}

  async get(path: string, params: Record<string, string> = {}, asUser = false): Promise<Response> {
    const url = `${this.base.replace(/\/+$/, '')}${path}${Object.keys(params).length ? `?${new URLSearchParams(params)}` : ''}`
    const headers: Record<string, string> = { accept: 'application/json' }
    if (asUser && this.token) headers.authorization = `JWT ${this.token}`
    return fetch(url, { headers, redirect: 'error' })
  }

  async json<T>(path: string, params: Record<string, string> = {}, asUser = false): Promise<T> {
    const response = await this.get(path, params, asUser)
    if (!response.ok) throw new Error(`GET ${path} → ${response.status}`)
    return (await response.json()) as T
  }
}

/** Related documents only as ID and slug (as the build reads them, data/source.ts), for rich-text links. */
const populateSlugs = Object.fromEntries(
  ['articles', 'topics', 'families', 'courses', 'lecturers', 'course-categories'].map((c) => [
    `populate[${c}][slug]`,
    'true',
  ]),
)

const idOf = (value: unknown): string | undefined => {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : value
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined
}
const idsOf = (list: unknown): string[] =>
  (Array.isArray(list) ? list : []).map(idOf).filter((v): v is string => Boolean(v))

/** Published documents of `collection` with these IDs, in the order given (what the static page would link). */
async function publishedIn<T>(api: Api, collection: string, ids: string[], fields: string[]): Promise<T[]> {
  if (ids.length === 0) return []
  const params: Record<string, string> = {
    'where[id][in]': ids.join(','),
    depth: '0',
    limit: String(ids.length),
    draft: 'false',
  }
  for (const field of ['slug', ...fields]) params[`select[${field}]`] = 'true'
  const { docs } = await api.json<{ docs: Doc[] }>(`/${collection}`, params)
  const byId = new Map(docs.map((d) => [String(d.id), d as unknown as T]))
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id) as T] : []))
}

async function siteSettings(api: Api): Promise<SiteSettings> {
  const raw = await api.json<Record<string, unknown>>('/globals/site-settings', { depth: '1', draft: 'false' })
  return siteSettingsSchema.parse({
    ...raw,
    privacyNotice: richTextToHTML(raw.privacyNotice),
    minorsRules: richTextToHTML(raw.minorsRules),
  })
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
  const api = new Api(opts.payloadApi, token)

  const me = await api.json<{ user?: { roles?: string[] | null } | null }>('/users/me', {}, true)
  if (!me.user) return { kind: 'unauthenticated' }
  if (!isStaffUser(me.user)) return { kind: 'forbidden' }

  const response = await api.get(
    `/${collection}/${encodeURIComponent(id)}`,
    {
      draft: 'true',
      depth: '1',
      ...populateSlugs,
      ...(collection === 'families' ? { 'select[consent]': 'false' } : {}),
    },
    true,
  )
  if (response.status === 404) return { kind: 'not-found' }
  if (response.status === 401) return { kind: 'unauthenticated' }
  if (response.status === 403) return { kind: 'forbidden' }
  if (!response.ok) throw new Error(`GET /${collection}/${id} → ${response.status}`)
  const doc = (await response.json()) as Doc
  const meta: Meta = { id: String(doc.id), status: text(doc._status) ?? 'draft', updatedAt: text(doc.updatedAt) }
  const settings = await siteSettings(api)

  if (collection === 'articles') {
    const parsed = articleSchema.safeParse({
      ...fillDraft(doc, 'title'),
      summary: text(doc.summary) ?? '',
      origin: doc.origin ?? 'original',
      sourceUrl: /^https?:\/\/\S+$/.test(text(doc.sourceUrl) ?? '') ? doc.sourceUrl : null,
    })
    if (!parsed.success) return { kind: 'invalid', meta, settings, issues: issuesOf(parsed.error) }
    const article = parsed.data
    const [topics, families, courses] = await Promise.all([
      publishedIn<Named<'name'>>(api, 'topics', idsOf(doc.topics), ['name']),
      publishedIn<Named<'familyName'>>(api, 'families', idsOf(doc.relatedFamilies), ['familyName']),
      publishedIn<Named<'title'> & { code: string }>(api, 'courses', idsOf(doc.relatedCourses), ['title', 'code']),
    ])
    return { kind: 'articles', meta, settings, article, html: richTextToHTML(doc.body, 2), topics, families, courses }
  }

  const parsed = familySchema.safeParse({
    ...fillDraft(doc, 'familyName'),
    street: text(doc.street) ?? '',
    // Half-entered honour rows are left out rather than failing the whole preview.
    honours: (Array.isArray(doc.honours) ? doc.honours : []).filter((h) => honourSchema.safeParse(h).success),
  })
  if (!parsed.success) return { kind: 'invalid', meta, settings, issues: issuesOf(parsed.error) }
  return { kind: 'families', meta, settings, family: parsed.data, html: richTextToHTML(doc.story) }
}
