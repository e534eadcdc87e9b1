import type { CollectionConfig } from 'payload'
import { streetOptions } from '../../../common/district.ts'
import { t } from '../../../common/i18n.ts'
import { fieldHasRole } from '../../access/hasRole.ts'
import { isAdmin } from '../../access/isAdmin.ts'
import { isStaffUser, roles } from '../../access/roles.ts'
import { selfOrAdmin } from '../../access/selfOrAdmin.ts'
import { requireCurrentPassword } from '../../auth/currentPassword.ts'
import { throttleForgotPassword } from '../../auth/forgotPassword.ts'
import { forgiveSuccessfulLogin, throttleLogin, unlockClearsThrottle } from '../../auth/login.ts'
import { enforcePasswordPolicy } from '../../auth/passwordPolicy.ts'
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
    // Payload's own lockout is off: anyone who knows an email could lock its owner out with it. Failed sign-ins
    // are slowed down per address and per account instead (cms/auth/login.ts).
    maxLoginAttempts: 0,
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
    unlock: isAdmin,
  },
  hooks: {
    beforeOperation: [throttleLogin, throttleForgotPassword, enforcePasswordPolicy],
    beforeValidate: [requireCurrentPassword],
    beforeChange: [makeFirstUserAdmin],
    afterLogin: [forgiveSuccessfulLogin],
    afterOperation: [unlockClearsThrottle],
  },
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
    {
      name: 'streets',
      type: 'select',
      hasMany: true,
      options: streetOptions,
      label: t('负责街道', 'Streets handled'),
      admin: {
        description: t(
          '街道妇联协调员只看到和办理所选街道的点单与场次；留空表示全区',
          "A street federation's coordinator sees and handles only these streets' orders and sessions; empty means the whole district",
        ),
      },
      // Only admins limit or widen a coordinator's reach.
      access: { create: fieldHasRole('admin'), update: fieldHasRole('admin') },
    },
    {
      name: 'currentPassword',
      type: 'text',
      virtual: true,
      label: t('当前密码', 'Current password'),
      admin: {
        description: t('修改自己的密码时填写', 'Needed to change your own password'),
        components: { Field: '@payloadcms/ui#PasswordField' },
        // Only on one's own account: an admin setting someone else's password is not asked for it.
        condition: (data, _siblingData, { user }) => Boolean(user && data?.id && String(data.id) === String(user.id)),
      },
    },
  ],
}
