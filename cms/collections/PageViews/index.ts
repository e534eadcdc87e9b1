import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { hasRole } from '../../access/hasRole.ts'
import { nobody } from '../../access/nobody.ts'
import { pageViewEndpoints } from './endpoints/count.ts'

/**
 * Readership of the public site without tracking: one row per page path per Beijing day with a count. Nothing about
 * the reader is stored (no address, user agent, cookie or visitor hash); bots are not counted. Written by the page
 * view store (cms/impact/pageViews/) as an atomic upsert; staff read the totals on the figures dashboard.
 */
export const PageViews: CollectionConfig = {
  slug: 'page-views',
  labels: { singular: t('页面浏览', 'Page view'), plural: t('页面浏览', 'Page views') },
  admin: { hidden: true },
  timestamps: false,
  access: { read: hasRole('editor', 'coordinator'), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['path', 'day'], unique: true }],
  endpoints: pageViewEndpoints,
  fields: [
    { name: 'path', type: 'text', required: true, label: t('页面', 'Page') },
    { name: 'day', type: 'text', required: true, index: true, label: t('日期', 'Day') },
    { name: 'views', type: 'number', required: true, defaultValue: 0, label: t('浏览次数', 'Views') },
  ],
}
