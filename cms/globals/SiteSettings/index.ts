import type { GlobalConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { anyone } from '../../access/anyone.ts'
import { isAdmin } from '../../access/isAdmin.ts'
import { globalMarksSiteStale } from '../../publishing/markStale.ts'

/** The version consent is recorded against until an admin saves site settings. */
export const DEFAULT_POLICY_VERSION = '2026-01'

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: t('站点设置', 'Site settings'),
  admin: { group: t('系统', 'System') },
  access: { read: anyone, update: isAdmin },
  hooks: globalMarksSiteStale(),
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: t('基本信息', 'General'),
          fields: [
            { name: 'siteName', type: 'text', required: true, defaultValue: '福家', label: t('站点名称', 'Site name') },
            { name: 'tagline', type: 'text', label: t('标语', 'Tagline') },
            { name: 'organisation', type: 'text', label: t('主办单位', 'Operator') },
            {
              name: 'contact',
              type: 'group',
              label: t('联系方式', 'Contact'),
              fields: [
                { name: 'phone', type: 'text', label: t('电话', 'Phone') },
                { name: 'email', type: 'email', label: t('邮箱', 'Email') },
                { name: 'address', type: 'text', label: t('地址', 'Address') },
              ],
            },
            { name: 'icpNumber', type: 'text', label: t('ICP备案号', 'ICP filing number') },
            { name: 'policeFilingNumber', type: 'text', label: t('公安联网备案号', 'Public security filing number') },
            {
              name: 'isSampleContent',
              type: 'checkbox',
              defaultValue: false,
              label: t('当前为示例数据（网站显示提示条）', 'Showing sample content (the site shows a banner)'),
            },
          ],
        },
        {
          label: t('隐私与未成年人保护', 'Privacy'),
          fields: [
            {
              name: 'retentionDays',
              type: 'number',
              required: true,
              defaultValue: 180,
              min: 1,
              max: 3650,
              label: t('报名信息保存天数（课程结束后）', 'Days booking data is kept after a session'),
            },
            {
              name: 'privacyPolicyVersion',
              type: 'text',
              required: true,
              defaultValue: DEFAULT_POLICY_VERSION,
              label: t('隐私政策版本', 'Privacy policy version'),
              admin: {
                description: t(
                  '修改政策内容后请更新版本号；报名时记录家长同意的版本',
                  'Bump after changing the text; bookings record it',
                ),
              },
            },
            { name: 'privacyNotice', type: 'richText', label: t('隐私政策', 'Privacy notice') },
            {
              name: 'minorsRules',
              type: 'richText',
              label: t('儿童个人信息保护规则', "Children's personal information rules"),
            },
          ],
        },
        {
          label: t('点单送课', 'Course orders'),
          fields: [
            {
              name: 'firstResponseWorkingDays',
              type: 'number',
              required: true,
              defaultValue: 3,
              min: 1,
              max: 30,
              label: t('首次答复时限（工作日）', 'First response due within (working days)'),
              admin: {
                description: t(
                  '按国家法定节假日和调休安排计算工作日；新提交的点单据此计算答复期限',
                  'Counted on the official holiday and make-up working-day calendar; applies to new orders',
                ),
              },
            },
            {
              name: 'offerExpiryHours',
              type: 'number',
              required: true,
              defaultValue: 48,
              min: 2,
              max: 168,
              label: t('讲师答复时限（小时）', 'Lecturer answers an offer within (hours)'),
              admin: {
                description: t(
                  '逾期未答复的邀请自动作废，点单回到“排期中”并提醒调度员；对之后发出的邀请生效',
                  'An unanswered offer lapses, the order goes back to scheduling and the dispatcher is told; applies to offers sent after the change',
                ),
              },
            },
          ],
        },
      ],
    },
  ],
}
