import type { CollectionConfig, Field, GlobalConfig, Plugin } from 'payload'
import { userHasRole } from '../access/roles.ts'
import { withChineseDateFormat } from './dateFormats.ts'

/** The fields with every date field among them (nested ones included) shown in Chinese order. */
function mapDateFields(fields: Field[]): Field[] {
  return fields.map((field) => {
    if (field.type === 'date') return withChineseDateFormat(field)
    if (field.type === 'tabs')
      return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: mapDateFields(tab.fields) })) }
    if (field.type === 'blocks') {
      return { ...field, blocks: field.blocks.map((block) => ({ ...block, fields: mapDateFields(block.fields) })) }
    }
    if ('fields' in field) return { ...field, fields: mapDateFields(field.fields) } as Field
    return field
  })
}

/** The API tab shows raw JSON and request URLs: of use to an administrator, noise to everyone else. */
const apiTabForAdmins = {
  tab: {
    condition: ({ req }: { req: { user?: { roles?: readonly string[] | null } | null } }) =>
      userHasRole(req.user, 'admin'),
  },
}

function forStaff<T extends CollectionConfig | GlobalConfig>(entity: T): T {
  const views = entity.admin?.components?.views
  return {
    ...entity,
    fields: mapDateFields(entity.fields),
    admin: {
      ...entity.admin,
      components: {
        ...entity.admin?.components,
        views: { ...views, edit: { ...views?.edit, api: { ...apiTabForAdmins, ...views?.edit?.api } } },
      },
    },
  }
}

/**
 * What every collection and global shows staff, in one place rather than repeated in each of them: dates in
 * Chinese order and the API tab for administrators only.
 */
export const staffAdmin: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map(forStaff),
  globals: config.globals?.map(forStaff),
})
