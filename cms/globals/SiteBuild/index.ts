import type { Field, GlobalConfig } from 'payload'
import { nobody } from '../../access/nobody.ts'
import { isStaffUser } from '../../access/roles.ts'
import { t } from '../../lib/i18n.ts'

export const SITE_BUILD_SLUG = 'site-build'
export const siteBuildStatuses = ['idle', 'building', 'failed'] as const
export type SiteBuildStatus = (typeof siteBuildStatuses)[number]

const readOnly = { readOnly: true } as const
/** Bookkeeping of the rebuild worker (request counter, lease): written only by ./store, never shown. */
const internal = (name: string, type: 'number' | 'text' | 'date'): Field =>
  ({ name, type, admin: { hidden: true, readOnly: true } }) as Field

/**
 * The static site's build state. Publishing, unpublishing or deleting public content records a request here
 * (markStale.ts); the rebuild worker in the server process claims a lease on this row, builds, and records
 * the outcome (cms/site/worker.ts). Read-only for everyone: only the system writes it.
 */
export const SiteBuild: GlobalConfig = {
  slug: SITE_BUILD_SLUG,
  label: t('网站生成', 'Site build'),
  admin: {
    group: t('系统', 'System'),
    description: t(
      '发布、撤回或删除网站上显示的内容后，网站会在几秒钟内自动重新生成；生成失败时继续显示上一版网站。',
      'Publishing, unpublishing or deleting anything the site shows rebuilds it within seconds; a failed build keeps the previous site online.',
    ),
  },
  access: { read: ({ req }) => isStaffUser(req.user), update: nobody },
  fields: [
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'idle',
      label: t('网站状态', 'Site status'),
      options: [
        { value: 'idle', label: t('已是最新', 'Up to date') },
        { value: 'building', label: t('正在生成', 'Building') },
        { value: 'failed', label: t('生成失败（显示上一版网站）', 'Failed (previous site online)') },
      ],
      admin: readOnly,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'lastBuiltAt',
          type: 'date',
          label: t('最近生成时间', 'Last built'),
          admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy年M月d日 HH:mm:ss' } },
        },
        {
          name: 'requestedAt',
          type: 'date',
          label: t('最近内容变更', 'Last content change'),
          admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy年M月d日 HH:mm:ss' } },
        },
      ],
    },
    {
      name: 'lastError',
      type: 'textarea',
      label: t('最近错误', 'Last error'),
      admin: { ...readOnly, condition: (data) => Boolean(data?.lastError) },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'startedAt',
          type: 'date',
          label: t('本次开始', 'Started'),
          admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy年M月d日 HH:mm:ss' } },
        },
        {
          name: 'finishedAt',
          type: 'date',
          label: t('本次结束', 'Finished'),
          admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy年M月d日 HH:mm:ss' } },
        },
        { name: 'durationMs', type: 'number', label: t('用时（毫秒）', 'Duration (ms)'), admin: readOnly },
      ],
    },
    internal('requestSeq', 'number'),
    internal('buildingSeq', 'number'),
    internal('handledSeq', 'number'),
    internal('leaseOwner', 'text'),
    internal('leaseExpiresAt', 'date'),
  ],
}
