/**
 * Payload's REST API as the public reads it: no credentials, published documents only (`draft=false`), so the
 * collections' public read rules decide what comes back. `api` is the API's base URL (`…/api`).
 */
import { stringify } from 'qs-esm'
import { PAGE_SIZE, type PayloadDoc, type Query } from './queries.ts'

async function getJSON<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } })
  if (!response.ok) throw new Error(`GET ${url} → ${response.status} ${response.statusText}`)
  return (await response.json()) as T
}

const base = (api: string) => api.replace(/\/+$/, '')

export function restFindPage(
  api: string,
  collection: string,
  query: Query,
  page: number,
  limit = PAGE_SIZE,
): Promise<{ docs: PayloadDoc[]; hasNextPage: boolean }> {
  const params = stringify(
    { ...query, depth: query.depth ?? 0, limit, page, draft: false },
    { addQueryPrefix: true, encode: true },
  )
  return getJSON(`${base(api)}/${collection}${params}`)
}

export const restFindGlobal = (api: string, slug: string, depth: number): Promise<Record<string, unknown>> =>
  getJSON(`${base(api)}/globals/${slug}?depth=${depth}&draft=false`)
