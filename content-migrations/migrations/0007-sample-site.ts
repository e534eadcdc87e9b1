import type { ContentMigration } from '../types.ts'

export const sampleSite: ContentMigration = {
  name: '0007-sample-site',
  sample: true,
  description: '示例站点信息（联系方式、备案号均为示例）与首页文案，并打开“示例数据”提示条',
  async up({ payload, dryRun }) {
    if (dryRun) return '将写入示例站点信息与首页文案'
    await payload.updateGlobal({
      slug: 'site-settings',
      data: {
        siteName: '福家',
        tagline: '家庭教育 · 最美家庭 · 福家大讲堂',
        organisation: '区妇女联合会（示例）',
        contact: { phone: '0755-0000 0000（示例）', email: 'contact@example.com', address: '示例路 1 号（示例地址）' },
        icpNumber: '粤ICP备00000000号-1（示例）',
        policeFilingNumber: '粤公网安备 00000000000000号（示例）',
        isSampleContent: true,
      },
    })
    await payload.updateGlobal({
      slug: 'home',
      data: {
        heroTitle: '福家 · 幸福家庭从这里开始',
        heroText: '家庭教育公益课程、最美家庭故事与实用育儿文章，为辖区每一个家庭服务。',
        announcement: '福家大讲堂本月新开多场线下课程，欢迎家长就近报名。',
      },
    })
    return '站点信息与首页文案'
  },
}
