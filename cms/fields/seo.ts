import type { GroupField } from 'payload'
import { t } from '../../common/i18n.ts'

/** Share/search overrides; the site falls back to title, summary and cover when they are empty. */
export const seoField: GroupField = {
  name: 'seo',
  type: 'group',
  label: t('搜索与分享', 'SEO and sharing'),
  admin: { description: t('留空则使用标题、摘要和封面', 'Leave empty to use the title, summary and cover') },
  fields: [
    { name: 'title', type: 'text', maxLength: 60, label: t('分享标题', 'Share title') },
    { name: 'description', type: 'textarea', maxLength: 160, label: t('分享描述', 'Share description') },
    { name: 'image', type: 'upload', relationTo: 'media', label: t('分享图片', 'Share image') },
  ],
}
