import type { CollectionConfig, Field } from 'payload'
import { ageBands, courseFormats } from '../../../common/catalogue.ts'
import { streetOptions } from '../../../common/district.ts'
import { t } from '../../../common/i18n.ts'
import { orderFields, organisationTypes } from '../../../common/orders/fields.ts'
import { ORDER_STATE_OPTIONS } from '../../../common/orders/states.ts'
import { nobody } from '../../access/nobody.ts'
import { streetScoped } from '../../access/streetScope.ts'
import { systemOnly } from '../../access/systemOnly.ts'
import { dispatchEndpoints } from '../../dispatch/orderEndpoints.ts'
import { dispatchFields } from '../../dispatch/orderFields.ts'
import { maskPhoneInLists } from '../Bookings/hooks/maskPhoneInLists.ts'
import { publicOrderEndpoints } from './endpoints/public.ts'
import { staffOrderEndpoints } from './endpoints/staff.ts'
import { keepStateFromTransitions } from './hooks/keepStateFromTransitions.ts'

const readOnly = (field: Field): Field =>
  ({ ...field, access: { update: systemOnly }, admin: { ...field.admin, readOnly: true } }) as Field

const sidebarDate = (name: string, label: ReturnType<typeof t>): Field =>
  readOnly({
    name,
    type: 'date',
    label,
    admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
  })

/**
 * 点单: a community, school or company orders a course from the catalogue; the federation reviews it, dispatches a
 * lecturer, the session is held and rated (点单—审单—派单—接单—评单). Requesters create orders only through the public
 * endpoint; the state changes only through transitions (cms/orders/transitions.ts), each recorded in order-events.
 * Nothing is deleted.
 */
export const CourseOrders: CollectionConfig = {
  slug: 'course-orders',
  labels: { singular: t('点单', 'Course order'), plural: t('点单送课', 'Course orders') },
  admin: {
    useAsTitle: 'code',
    group: t('点单送课', 'Course orders'),
    // Due and answered side by side: an order past its due date with no answer yet is overdue.
    defaultColumns: ['code', 'course', 'organisationName', 'street', 'state', 'firstResponseDueAt', 'firstRespondedAt'],
    listSearchableFields: ['code', 'organisationName'],
  },
  defaultSort: '-createdAt',
  endpoints: [...publicOrderEndpoints, ...staffOrderEndpoints, ...dispatchEndpoints],
  // Coordinators, limited to their streets when their account names some (街道妇联); nobody deletes an order.
  access: {
    read: streetScoped('street'),
    create: nobody,
    update: streetScoped('street'),
    delete: nobody,
  },
  hooks: { beforeChange: [keepStateFromTransitions] },
  fields: [
    readOnly({ name: 'code', type: 'text', required: true, unique: true, label: t('点单编号', 'Order code') }),
    readOnly({
      name: 'state',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'submitted',
      options: ORDER_STATE_OPTIONS,
      label: t('状态', 'State'),
      admin: { position: 'sidebar', description: t('只能通过审单操作改变', 'Changes only through order actions') },
    }),
    readOnly({ name: 'stateVersion', type: 'number', defaultValue: 0, admin: { hidden: true } }),
    readOnly({ name: 'idempotencyKey', type: 'text', unique: true, admin: { hidden: true } }),
    {
      name: 'actions',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/components/OrderActions/index.tsx#OrderActions' } },
    },
    sidebarDate('firstResponseDueAt', t('首次答复期限', 'First response due')),
    sidebarDate('firstRespondedAt', t('首次答复时间', 'First responded')),
    { name: 'course', type: 'relationship', relationTo: 'courses', required: true, label: t('课程', 'Course') },
    {
      type: 'row',
      fields: [
        {
          name: 'organisationType',
          type: 'select',
          required: true,
          options: organisationTypes.map((o) => ({ value: o.value, label: o.label })),
          label: t('单位类型', 'Organisation type'),
        },
        {
          name: 'organisationName',
          type: 'text',
          required: true,
          maxLength: orderFields.organisationName.maxLength,
          label: t('单位名称', 'Organisation'),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'street',
          type: 'select',
          required: true,
          index: true,
          options: streetOptions,
          label: t('街道', 'Street'),
        },
        {
          name: 'community',
          type: 'relationship',
          relationTo: 'communities',
          required: true,
          label: t('社区', 'Community'),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'audience',
          type: 'select',
          hasMany: true,
          required: true,
          options: ageBands.map((b) => ({ value: b.value, label: b.label })),
          label: t('听课对象', 'Audience'),
        },
        {
          name: 'headcount',
          type: 'number',
          required: true,
          min: orderFields.headcount.min,
          max: orderFields.headcount.max,
          label: t('预计人数', 'Expected headcount'),
        },
      ],
    },
    {
      name: 'windows',
      type: 'array',
      minRows: orderFields.windows.min,
      maxRows: orderFields.windows.max,
      label: t('希望的时间段', 'Preferred date windows'),
      labels: { singular: t('时间段', 'Window'), plural: t('时间段', 'Windows') },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'from',
              type: 'date',
              required: true,
              label: t('从', 'From'),
              admin: { date: { pickerAppearance: 'dayOnly' } },
            },
            {
              name: 'to',
              type: 'date',
              required: true,
              label: t('至', 'To'),
              admin: { date: { pickerAppearance: 'dayOnly' } },
            },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'format',
          type: 'select',
          required: true,
          options: courseFormats.map((f) => ({ value: f.value, label: f.label })),
          label: t('形式', 'Format'),
        },
        {
          name: 'interactionMode',
          type: 'relationship',
          relationTo: 'interaction-modes',
          required: true,
          label: t('互动形式', 'Interaction mode'),
        },
      ],
    },
    {
      name: 'venueAddress',
      type: 'text',
      maxLength: orderFields.venueAddress.maxLength,
      label: t('场地地址', 'Venue address'),
      admin: { condition: (_, sibling) => sibling?.format !== 'online' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'contactName',
          type: 'text',
          required: true,
          maxLength: orderFields.contactName.maxLength,
          label: t('联系人', 'Contact name'),
        },
        {
          name: 'contactPhone',
          type: 'text',
          required: true,
          label: t('联系人手机', 'Contact mobile'),
          hooks: { afterRead: [maskPhoneInLists] },
        },
      ],
    },
    { name: 'notes', type: 'textarea', maxLength: orderFields.notes.maxLength, label: t('备注', 'Notes') },
    {
      name: 'consent',
      type: 'group',
      label: t('隐私政策同意', 'Privacy consent'),
      admin: { readOnly: true },
      access: { update: systemOnly },
      fields: [
        { name: 'policyVersion', type: 'text', label: t('政策版本', 'Policy version') },
        {
          name: 'at',
          type: 'date',
          label: t('同意时间', 'Given at'),
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    readOnly({ name: 'refusalReason', type: 'textarea', label: t('拒绝原因', 'Refusal reason') }),
    readOnly({ name: 'cancelReason', type: 'textarea', label: t('取消原因', 'Cancellation reason') }),
    readOnly({
      name: 'cancelledBy',
      type: 'select',
      options: [
        { value: 'requester', label: t('申请单位', 'Requester') },
        { value: 'staff', label: t('区妇联', 'Staff') },
      ],
      label: t('取消方', 'Cancelled by'),
    }),
    ...dispatchFields,
    {
      name: 'history',
      type: 'join',
      collection: 'order-events',
      on: 'order',
      defaultSort: 'at',
      label: t('办理记录', 'History'),
      admin: { defaultColumns: ['at', 'action', 'toState', 'actorKind', 'actor', 'reason'] },
    },
  ],
}
