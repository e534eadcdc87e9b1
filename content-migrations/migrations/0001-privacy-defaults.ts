import { type Block, blocksToLexical } from '../lib/lexical.ts'
import type { ContentMigration } from '../types.ts'

/** A starting text for the federation's legal review, written to match what the booking form really collects. */
const privacyNotice = (retentionDays: number): Block[] => [
  {
    type: 'p',
    text: '本平台由区妇女联合会运营。我们依照《中华人民共和国个人信息保护法》处理您的个人信息，只收集提供服务所必需的最少信息。',
  },
  { type: 'h2', text: '我们收集哪些信息' },
  {
    type: 'ul',
    items: [
      '浏览文章、家庭故事和课程目录：不需要注册，不收集个人信息，网站不使用第三方统计或广告代码。',
      '报名课程：家长姓名、手机号码、孩子所在年龄段（不收集孩子姓名、出生日期或身份证号）、所在街道与社区、参加人数。',
    ],
  },
  { type: 'h2', text: '我们如何使用这些信息' },
  {
    type: 'p',
    text: '仅用于确认报名、安排座位与候补、开课提醒、现场签到以及课程变更或取消时通知您。我们不会将您的信息用于其他目的，也不会出售或提供给第三方。',
  },
  { type: 'h2', text: '保存期限' },
  {
    type: 'p',
    text: `课程结束 ${retentionDays} 天后，报名记录中的个人信息将被删除或匿名化处理，仅保留不含个人信息的统计数字。`,
  },
  { type: 'h2', text: '您的权利' },
  {
    type: 'p',
    text: '您可以凭报名码和手机号查询、取消报名；如需更正或删除个人信息，请通过页面底部的联系方式与我们联系，我们将在 15 个工作日内处理。',
  },
]

const minorsRules: Block[] = [
  { type: 'p', text: '我们高度重视未成年人个人信息保护。不满十四周岁未成年人的个人信息属于敏感个人信息。' },
  {
    type: 'ul',
    items: [
      '课程报名须由孩子的父母或其他监护人完成，并单独勾选同意本规则；我们记录同意的时间与规则版本。',
      '我们只收集孩子所在的年龄段或年级，用于安排适合的课程，不收集孩子的姓名、照片、出生日期、身份证号或学校。',
      '工作人员查看报名名单时，手机号默认隐去中间四位；导出名单同样默认隐去。',
      '报名信息按隐私政策规定的期限删除或匿名化处理。',
      '监护人可随时通过报名码和手机号取消报名，或联系我们删除相关信息。',
    ],
  },
]

export const privacyDefaults: ContentMigration = {
  name: '0001-privacy-defaults',
  sample: false,
  description: '隐私政策与儿童个人信息保护规则的初始文本（仅在为空时写入）',
  async up({ payload, dryRun }) {
    const settings = await payload.findGlobal({ slug: 'site-settings', overrideAccess: true })
    const data = {
      ...(settings.privacyNotice
        ? {}
        : { privacyNotice: blocksToLexical(privacyNotice(settings.retentionDays ?? 180)) }),
      ...(settings.minorsRules ? {} : { minorsRules: blocksToLexical(minorsRules) }),
    }
    if (!Object.keys(data).length) return '已有文本，未修改'
    if (!dryRun) await payload.updateGlobal({ slug: 'site-settings', data, overrideAccess: true })
    return `写入${Object.keys(data).length === 2 ? '隐私政策与儿童个人信息保护规则' : '缺少的文本'}`
  },
}
