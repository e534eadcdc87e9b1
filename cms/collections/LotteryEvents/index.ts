import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { coordinatorReadOnly } from '../../access/coordinatorReadOnly.ts'
import { holidayGroup } from '../HolidayProgrammes/index.ts'

export const lotteryEventKinds = [
  { value: 'committed', label: t('公布密钥承诺值', 'Secret committed') },
  { value: 'entered', label: t('报名', 'Entered') },
  { value: 'changed', label: t('修改志愿', 'Entry changed') },
  { value: 'withdrawn', label: t('撤回报名', 'Entry withdrawn') },
  { value: 'frozen', label: t('名单冻结', 'Entry list frozen') },
  { value: 'drawn', label: t('摇号', 'Drawn') },
  { value: 'offered', label: t('发出录取', 'Offer made') },
  { value: 'confirmed', label: t('确认录取', 'Offer confirmed') },
  { value: 'declined', label: t('放弃录取', 'Offer declined') },
  { value: 'expired', label: t('逾期未确认', 'Offer expired') },
  { value: 'round', label: t('递补轮次', 'Further round') },
  { value: 'fcfs', label: t('剩余名额先到先得', 'Leftovers first come first served') },
] as const

/**
 * Every step of a lottery wave, in order. `onceKey` is unique: a step that must happen once per wave (freeze,
 * draw, a round) is claimed by inserting its key, so two server processes can never both take it.
 */
export const LotteryEvents: CollectionConfig = {
  slug: 'lottery-events',
  labels: { singular: t('摇号记录', 'Lottery event'), plural: t('摇号记录', 'Lottery events') },
  admin: { group: holidayGroup, defaultColumns: ['kind', 'wave', 'at', 'entryCode'], useAsTitle: 'kind' },
  defaultSort: '-at',
  access: coordinatorReadOnly,
  fields: [
    {
      name: 'wave',
      type: 'relationship',
      relationTo: 'holiday-waves',
      required: true,
      index: true,
      label: t('批次', 'Wave'),
    },
    { name: 'kind', type: 'select', required: true, options: [...lotteryEventKinds], label: t('事件', 'Event') },
    {
      name: 'at',
      type: 'date',
      required: true,
      index: true,
      label: t('时间', 'At'),
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'onceKey',
      type: 'text',
      required: true,
      unique: true,
      label: t('唯一键', 'Once key'),
      admin: { hidden: true },
    },
    { name: 'entryCode', type: 'text', label: t('抽签码', 'Entry code') },
    { name: 'detail', type: 'json', label: t('详情', 'Detail') },
  ],
}
