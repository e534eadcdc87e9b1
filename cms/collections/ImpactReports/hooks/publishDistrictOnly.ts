import { APIError, type CollectionBeforeChangeHook } from 'payload'

/** Only a whole-district snapshot can go on the public /data/ page (a street's figures are for its staff). */
export const publishDistrictOnly: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const streets = (data.streets ?? originalDoc?.streets ?? []) as string[]
  if (data.published && streets.length) throw new APIError('只有全区范围的报告可以在网站发布', 400, undefined, true)
  return data
}
