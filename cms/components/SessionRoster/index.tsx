'use client'
import { Gutter, SetDocumentStepNav, useAuth, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import type { ClientCollectionConfig } from 'payload'
import { userHasRole } from '../../access/roles.ts'
import type { User } from '../../payload-types.ts'
import { SessionRosterPanel } from './Panel.tsx'
import { stringsFor } from './strings.ts'
import './index.scss'

/**
 * The "名单与签到" tab of a course session (a custom document view, registered in
 * cms/collections/CourseSessions/index.ts): roster, counts, check-in and the coordinator's actions.
 */
export function SessionRosterView() {
  const { id, collectionSlug } = useDocumentInfo()
  const { user } = useAuth<User>()
  const { i18n } = useTranslation()
  const { getEntityConfig } = useConfig()
  const collection = getEntityConfig({ collectionSlug }) as ClientCollectionConfig | undefined
  const s = stringsFor(i18n.language)

  return (
    <Gutter className="session-roster">
      <SetDocumentStepNav
        collectionSlug={collectionSlug}
        id={id}
        pluralLabel={collection?.labels?.plural}
        useAsTitle={collection?.admin?.useAsTitle}
        view={s.tab}
      />
      <h2 className="session-roster__title">{s.tab}</h2>
      {!userHasRole(user, 'coordinator') ? (
        <p>{s.noAccess}</p>
      ) : id === undefined || id === null ? null : (
        <SessionRosterPanel sessionId={id} s={s} language={i18n.language} />
      )}
    </Gutter>
  )
}
