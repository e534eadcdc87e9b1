import type { CollectionConfig } from 'payload'
import { userHasRole } from '../access/roles.ts'

type EditViews = NonNullable<
  NonNullable<NonNullable<NonNullable<CollectionConfig['admin']>['components']>['views']>['edit']
>

/**
 * The coordinator's roster tab on a session's edit view. Tab labels are plain strings: the admin's language is
 * picked from a translation Payload ships.
 */
export const rosterTab = (Component: string, label: { zh: string; en: string }): EditViews => ({
  roster: {
    Component,
    path: '/roster',
    tab: {
      href: '/roster',
      order: 200,
      label: ({ t }) => (t('general:edit') === 'Edit' ? label.en : label.zh),
      condition: ({ req }) => userHasRole(req.user, 'coordinator'),
    },
  },
})
