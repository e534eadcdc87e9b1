import type { CollectionConfig } from 'payload'
import { honourLevels } from '../../../common/catalogue.ts'
import { streetOptions } from '../../../common/district.ts'
import { t } from '../../../common/i18n.ts'
import { hasRole } from '../../access/hasRole.ts'
import { publishedOrStaff } from '../../access/publishedOrStaff.ts'
import { isStaffUser } from '../../access/roles.ts'
import { SCHEDULE_PUBLISH } from '../../admin/dateFormats.ts'
import { publishedAtField } from '../../fields/publishedAt.ts'
import { seoField } from '../../fields/seo.ts'
import { slugField } from '../../fields/slug.ts'
import { sitePreview } from '../../lib/previewUrl.ts'
import { marksSiteStale } from '../../publishing/markStale.ts'
import { requireConsentToPublish } from './hooks/requireConsentToPublish.ts'

export const Families: CollectionConfig = {
  slug: 'families',
  labels: { singular: t('最美家庭', 'Model family'), plural: t('最美家庭', 'Model families') },
  admin: {
    useAsTitle: 'familyName',
    group: t('内容', 'Content'),
    preview: sitePreview('families'),
    defaultColumns: ['familyName', 'street', 'featured', '_status'],
  },
  defaultSort: '-publishedAt',
  access: {
    read: publishedOrStaff,
    readVersions: hasRole('editor'),
    create: hasRole('editor'),
    update: hasRole('editor'),
    delete: hasRole('editor'),
  },
  // No autosave, as for articles (see there): drafts are saved with 保存草稿.
  versions: { maxPerDoc: 50, drafts: { schedulePublish: SCHEDULE_PUBLISH } },
  hooks: { beforeChange: [requireConsentToPublish], ...marksSiteStale() },
  fields: [
    { name: 'familyName', type: 'text', required: true, label: t('家庭名称', 'Family name') },
    slugField('familyName'),
    publishedAtField,
    {
      type: 'row',
      fields: [
        { name: 'street', type: 'select', required: true, options: streetOptions, label: t('街道', 'Street') },
        { name: 'community', type: 'text', label: t('社区', 'Community') },
      ],
    },
    { name: 'membersSummary', type: 'textarea', maxLength: 200, label: t('家庭成员', 'Members') },
    {
      name: 'honours',
      type: 'array',
      label: t('荣誉', 'Honours'),
      labels: { singular: t('荣誉', 'Honour'), plural: t('荣誉', 'Honours') },
      fields: [
        { name: 'title', type: 'text', required: true, label: t('荣誉名称', 'Title') },
        {
          type: 'row',
          fields: [
            { name: 'level', type: 'select', required: true, options: [...honourLevels], label: t('级别', 'Level') },
            { name: 'year', type: 'number', required: true, min: 1949, max: 2100, label: t('年份', 'Year') },
            { name: 'awardingBody', type: 'text', label: t('授予单位', 'Awarded by') },
          ],
        },
      ],
    },
    { name: 'story', type: 'richText', label: t('家庭故事', 'Story') },
    { name: 'photos', type: 'upload', relationTo: 'media', hasMany: true, label: t('照片', 'Photos') },
    {
      name: 'featured',
      type: 'checkbox',
      defaultValue: false,
      label: t('首页推荐', 'Featured on home'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'consent',
      type: 'group',
      label: t('公开授权', 'Consent to publish'),
      // The consent record (and its form number) is the federation's paperwork, not something the site shows.
      access: { read: ({ req }) => isStaffUser(req.user) },
      admin: {
        description: t(
          '发布前须取得家庭成员对公开姓名、照片和故事的书面同意',
          "The family's written consent to publish names, photos and story is required before publishing",
        ),
      },
      fields: [
        {
          name: 'given',
          type: 'checkbox',
          defaultValue: false,
          label: t('已取得书面同意', 'Written consent obtained'),
        },
        { name: 'recordedAt', type: 'date', label: t('同意日期', 'Date of consent') },
        { name: 'note', type: 'text', label: t('备注（如同意书编号）', 'Note (e.g. form number)') },
      ],
    },
    seoField,
  ],
}
