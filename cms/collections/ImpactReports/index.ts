import type { Access, CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { hasRole } from '../../access/hasRole.ts'
import { isStaffUser } from '../../access/roles.ts'
import { systemOnly } from '../../access/systemOnly.ts'
import { marksSiteStale } from '../../publishing/markStale.ts'
import { impactReportEndpoints } from './endpoints/reports.ts'
import { publishDistrictOnly } from './hooks/publishDistrictOnly.ts'

/** Staff read every snapshot; the public (the site's /data/ page) only the published ones. */
const staffOrPublished: Access = ({ req }) => (isStaffUser(req.user) ? true : { published: { equals: true } })

/**
 * Frozen snapshots of the figures (年度报告): the whole computed report as JSON with the time it was taken, so a
 * number once reported never changes when records are edited later; later snapshots are compared with it on the
 * report page. Created only through POST /api/impact-reports/snapshot; staff may rename one or publish it to the
 * site's /data/ page (whole-district snapshots only).
 */
export const ImpactReports: CollectionConfig = {
  slug: 'impact-reports',
  labels: { singular: t('数据报告', 'Impact report'), plural: t('数据报告快照', 'Impact reports') },
  admin: {
    useAsTitle: 'title',
    group: t('数据统计', 'Figures'),
    defaultColumns: ['title', 'periodLabel', 'published', 'createdAt', 'createdBy'],
    components: { beforeList: ['/components/ImpactDashboard/ReportsIntro.tsx#ReportsIntro'] },
  },
  defaultSort: '-createdAt',
  access: {
    read: staffOrPublished,
    create: () => false,
    update: hasRole('editor', 'coordinator'),
    delete: hasRole('admin'),
  },
  endpoints: impactReportEndpoints,
  hooks: { beforeChange: [publishDistrictOnly], ...marksSiteStale({ onCreate: false }) },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 80, label: t('报告名称', 'Title') },
    {
      name: 'published',
      type: 'checkbox',
      defaultValue: false,
      label: t('在网站“数据公开”页发布', 'Publish on the site’s /data/ page'),
      admin: {
        position: 'sidebar',
        description: t(
          '网站显示最近发布的一份全区报告的主要数字。',
          'The site shows the headline figures of the latest published district-wide report.',
        ),
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'periodKey',
          type: 'text',
          required: true,
          index: true,
          label: t('期间代码', 'Period key'),
          access: { update: systemOnly },
          admin: { readOnly: true },
        },
        {
          name: 'periodLabel',
          type: 'text',
          required: true,
          label: t('统计期间', 'Period'),
          access: { update: systemOnly },
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'streets',
      type: 'text',
      hasMany: true,
      label: t('统计范围（街道，空为全区）', 'Streets (empty: whole district)'),
      access: { update: systemOnly },
      admin: { readOnly: true },
    },
    {
      name: 'figures',
      type: 'json',
      required: true,
      label: t('数字（冻结）', 'Figures (frozen)'),
      access: { update: systemOnly },
      admin: { readOnly: true, hidden: true },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      label: t('生成人', 'Created by'),
      access: { update: systemOnly },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
