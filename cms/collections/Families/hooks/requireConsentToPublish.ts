import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

/** A family's story goes public only with their recorded consent (PIPL: publishing personal information needs it). */
export const requireConsentToPublish: CollectionBeforeChangeHook = ({ data, req, collection }) => {
  if (data._status !== 'published' || data.consent?.given) return data
  throw new ValidationError({
    collection: collection.slug,
    errors: [{ path: 'consent.given', message: '发布前须勾选“已取得书面同意”' }],
    req,
  })
}
