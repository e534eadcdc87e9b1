import type { GlobalConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { anyone } from '../../access/anyone.ts'
import { hasRole } from '../../access/hasRole.ts'
import { globalMarksSiteStale } from '../../publishing/markStale.ts'

export const Home: GlobalConfig = {
  slug: 'home',
  label: t('首页', 'Home page'),
  admin: { group: t('内容', 'Content') },
  access: { read: anyone, update: hasRole('editor') },
  hooks: globalMarksSiteStale(),
  fields: [
    {
      name: 'heroTitle',
      type: 'text',
      required: true,
      defaultValue: '福家 · 幸福家庭从这里开始',
      label: t('主标题', 'Headline'),
    },
    { name: 'heroText', type: 'textarea', maxLength: 200, label: t('导语', 'Intro') },
    { name: 'announcement', type: 'text', maxLength: 120, label: t('通知（显示在首页顶部）', 'Announcement') },
    {
      name: 'featuredArticles',
      type: 'relationship',
      relationTo: 'articles',
      hasMany: true,
      maxRows: 6,
      label: t('推荐文章（留空则显示最新文章）', 'Featured articles (latest when empty)'),
    },
    {
      name: 'featuredFamilies',
      type: 'relationship',
      relationTo: 'families',
      hasMany: true,
      maxRows: 6,
      label: t('推荐家庭（留空则显示标记为首页推荐的家庭）', 'Featured families (families marked featured when empty)'),
    },
  ],
}
