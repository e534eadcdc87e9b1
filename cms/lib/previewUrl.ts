import type { CollectionConfig } from 'payload'

type GeneratePreviewURL = NonNullable<NonNullable<CollectionConfig['admin']>['preview']>

/**
 * `admin.preview` of a collection the site shows: the admin's preview button opens the latest draft (autosaves
 * included) on the site's own layout, at /preview/<collection>/<id>/ (site/pages/preview, staff only).
 * Same origin as the admin, so the admin's sign-in cookie goes along.
 */
export const sitePreview =
  (collection: 'articles' | 'families'): GeneratePreviewURL =>
  (doc) =>
    doc?.id == null ? null : `/preview/${collection}/${encodeURIComponent(String(doc.id))}/`
