import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import {
  ORDER_ACTIONS,
  ORDER_ACTOR_KINDS,
  ORDER_ACTOR_LABELS,
  ORDER_RULES,
  ORDER_STATE_OPTIONS,
} from '../../../common/orders/states.ts'
import { nobody } from '../../access/nobody.ts'
import { streetScoped } from '../../access/streetScope.ts'

/**
 * Every step of every order (who, when, why), appended by cms/orders/transitions.ts in the same database write as
 * the state change. Staff read them; nobody edits or deletes them. Requesters see them through the tracking answer,
 * without staff names.
 */
export const OrderEvents: CollectionConfig = {
  slug: 'order-events',
  labels: { singular: t('办理记录', 'Order event'), plural: t('办理记录', 'Order events') },
  admin: {
    group: t('点单送课', 'Course orders'),
    defaultColumns: ['order', 'at', 'action', 'fromState', 'toState', 'actorKind', 'actor', 'reason'],
  },
  defaultSort: '-at',
  access: { read: streetScoped('order.street'), create: nobody, update: nobody, delete: nobody },
  fields: [
    {
      name: 'order',
      type: 'relationship',
      relationTo: 'course-orders',
      required: true,
      index: true,
      label: t('点单', 'Order'),
    },
    {
      name: 'at',
      type: 'date',
      required: true,
      label: t('时间', 'At'),
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'fromState', type: 'select', options: ORDER_STATE_OPTIONS, label: t('原状态', 'From') },
    { name: 'toState', type: 'select', required: true, options: ORDER_STATE_OPTIONS, label: t('新状态', 'To') },
    {
      name: 'action',
      type: 'select',
      required: true,
      options: ORDER_ACTIONS.map((a) => ({ value: a, label: ORDER_RULES[a].label })),
      label: t('操作', 'Action'),
    },
    {
      name: 'actorKind',
      type: 'select',
      required: true,
      options: ORDER_ACTOR_KINDS.map((k) => ({ value: k, label: ORDER_ACTOR_LABELS[k] })),
      label: t('操作方', 'Actor'),
    },
    { name: 'actor', type: 'relationship', relationTo: 'users', label: t('操作人员', 'Staff member') },
    { name: 'actorName', type: 'text', label: t('操作人', 'Actor name') },
    { name: 'reason', type: 'textarea', label: t('说明', 'Reason') },
  ],
}
