import type { CollectionConfig } from 'payload'
import { t } from '../../../common/i18n.ts'
import { coordinatorReadOnly } from '../../access/coordinatorReadOnly.ts'
import { holidayGroup } from '../HolidayProgrammes/index.ts'
import { publicLotteryDrawEndpoints } from './endpoints/public.ts'

const readOnly = { readOnly: true }

/**
 * A lottery wave's draw: the committed secret (never readable before the draw; only its hash is public), the
 * frozen input file and its hash, the public number, then the published record and result. Written only by
 * cms/lottery; staff read. The secret field is hidden from every API until the draw has published it.
 */
export const LotteryDraws: CollectionConfig = {
  slug: 'lottery-draws',
  labels: { singular: t('摇号', 'Lottery draw'), plural: t('摇号', 'Lottery draws') },
  admin: { useAsTitle: 'commitment', group: holidayGroup, defaultColumns: ['wave', 'state', 'committedAt', 'drawnAt'] },
  access: coordinatorReadOnly,
  endpoints: publicLotteryDrawEndpoints,
  fields: [
    {
      name: 'wave',
      type: 'relationship',
      relationTo: 'holiday-waves',
      required: true,
      unique: true,
      label: t('批次', 'Wave'),
    },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'committed',
      options: [
        { value: 'committed', label: t('已承诺', 'Committed') },
        { value: 'frozen', label: t('名单已冻结', 'Frozen') },
        { value: 'drawn', label: t('已摇号', 'Drawn') },
      ],
      label: t('状态', 'State'),
      admin: readOnly,
    },
    {
      name: 'secret',
      type: 'text',
      required: true,
      label: t('密钥', 'Secret'),
      access: { read: ({ doc }) => doc?.state === 'drawn' },
      admin: { hidden: true },
    },
    { name: 'commitment', type: 'text', required: true, label: t('密钥承诺值', 'Commitment'), admin: readOnly },
    { name: 'committedAt', type: 'date', required: true, label: t('承诺时间', 'Committed at'), admin: readOnly },
    { name: 'inputText', type: 'textarea', label: t('冻结名单', 'Frozen input'), admin: { hidden: true } },
    { name: 'inputHash', type: 'text', label: t('名单哈希', 'Input hash'), admin: readOnly },
    { name: 'frozenAt', type: 'date', label: t('冻结时间', 'Frozen at'), admin: readOnly },
    { name: 'publicNumber', type: 'text', label: t('公开号码', 'Public number'), admin: readOnly },
    { name: 'drawnAt', type: 'date', label: t('摇号时间', 'Drawn at'), admin: readOnly },
    { name: 'record', type: 'json', label: t('公布记录', 'Published record'), admin: readOnly },
    { name: 'result', type: 'textarea', label: t('结果', 'Result'), admin: { hidden: true } },
    { name: 'fcfsOpenedAt', type: 'date', label: t('剩余名额开放时间', 'Leftovers opened at'), admin: readOnly },
  ],
}
