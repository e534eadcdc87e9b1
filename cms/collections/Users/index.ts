import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { fieldHasRole } from '../../access/hasRole.ts'
import { isAdmin } from '../../access/isAdmin.ts'
import { isStaffUser, roles } from '../../access/roles.ts'
import { selfOrAdmin } from '../../access/selfOrAdmin.ts'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin.ts'

const roleLabels = {
  admin: t('管理员', 'Administrator'),
  editor: t('编辑', 'Editor'),
  coordinator: t('课程协调员', 'Course coordinator'),
} as const

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: t('用户', 'User'), plural: t('用户', 'Users') },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
    group: t('系统', 'System'),
  },
  access: {
    admin: ({ req }) => isStaffUser(req.user),
    read: selfOrAdmin,
    create: isAdmin,
    update: selfOrAdmin,
    delete: isAdmin,
  },
  hooks: { beforeChange: [makeFirstUserAdmin] },
  fields: [
    { name: 'name', type: 'text', required: true, label: t('姓名', 'Name') },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      saveToJWT: true,
      label: t('角色', 'Roles'),
      options: roles.map((value) => ({ value, label: roleLabels[value] })),
      // Only admins grant roles; a user editing their own account cannot promote themselves.
      access: { create: fieldHasRole('admin'), update: fieldHasRole('admin') },
    },
  ],
}
