'use client'
import { Gutter, SetDocumentStepNav, useAuth, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import type { ClientCollectionConfig } from 'payload'
import { userHasRole } from '../../access/roles.ts'
import type { User } from '../../payload-types.ts'
import { HolidayRosterPanel } from './Panel.tsx'
import { holidayStringsFor } from './strings.ts'
import './index.scss'

/**
 * The "每日签到" tab of a holiday session (registered in cms/collections/HolidaySessions/index.ts): per day, the
 * confirmed children, check-in by code or tick, absences, and the day's roster export.
 */
export function HolidayRosterView() {
  const { id, collectionSlug } = useDocumentInfo()
  const { user } = useAuth<User>()
  const { i18n } = useTranslation()
  const { getEntityConfig } = useConfig()
  const collection = getEntityConfig({ collectionSlug }) as ClientCollectionConfig | undefined
  const s = holidayStringsFor(i18n.language)
  return (
    <Gutter className="holiday-roster-view">
      <SetDocumentStepNav
        collectionSlug={collectionSlug}
        id={id}
        pluralLabel={collection?.labels?.plural}
        useAsTitle={collection?.admin?.useAsTitle}
        view={s.tab}
      />
      <h2>{s.tab}</h2>
      {!userHasRole(user, 'coordinator') ? (
        <p>{s.noAccess}</p>
      ) : id === undefined || id === null ? null : (
        <HolidayRosterPanel sessionId={id} s={s} language={i18n.language} />
      )}
    </Gutter>
  )
}
