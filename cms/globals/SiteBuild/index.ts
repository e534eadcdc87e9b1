import type { Field, GlobalConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { nobody } from '../../access/nobody.ts'
import { isStaffUser } from '../../access/roles.ts'

export const SITE_BUILD_SLUG = 'site-build'
export const siteBuildStatuses = ['idle', 'building', 'failed'] as const
export type SiteBuildStatus = (typeof siteBuildStatuses)[number]

/** State written only by ./store and shown by the live status panel, not as form fields. */
const internal = (name: string, type: 'number' | 'text' | 'textarea' | 'date'): Field =>
  ({ name, type, admin: { hidden: true, readOnly: true } }) as Field

/**
 * The static site's build state. Publishing, unpublishing or deleting public content records a request here
 * (markStale.ts); the rebuild worker in the server process claims a lease on this row, builds, and records
 * the outcome (cms/publishing/worker.ts). Read-only for everyone: only the system writes it. Staff see it through a
 * panel that refreshes itself (components/SiteBuildStatus), so a build can be watched without reloading.
 */
export const SiteBuild: GlobalConfig = {
  slug: SITE_BUILD_SLUG,
  label: t('网站生成', 'Site build'),
  admin: { group: t('系统', 'System') },
  access: { read: ({ req }) => isStaffUser(req.user), update: nobody },
  fields: [
    {
      name: 'statusPanel',
      type: 'ui',
      admin: { components: { Field: '/components/SiteBuildStatus/index.tsx#SiteBuildStatus' } },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'idle',
      options: [...siteBuildStatuses],
      admin: { hidden: true, readOnly: true },
    },
    internal('lastBuiltAt', 'date'),
    internal('requestedAt', 'date'),
    internal('lastError', 'textarea'),
    internal('startedAt', 'date'),
    internal('finishedAt', 'date'),
    internal('durationMs', 'number'),
    internal('requestSeq', 'number'),
    internal('buildingSeq', 'number'),
    internal('handledSeq', 'number'),
    internal('leaseOwner', 'text'),
    internal('leaseExpiresAt', 'date'),
  ],
}
