import type { Field } from 'payload'
import { t } from '../../common/i18n.ts'

const isLottery = (_: unknown, sibling: { allocation?: string }) => sibling?.allocation === 'lottery'

const instant = (name: string, label: ReturnType<typeof t>, description?: ReturnType<typeof t>): Field => ({
  name,
  type: 'date',
  timezone: true,
  label,
  admin: { condition: isLottery, description, date: { pickerAppearance: 'dayAndTime', timeIntervals: 5 } },
})

/** The allocation option a lottery wave selects (spread into the waves collection's `allocation` options). */
export const lotteryAllocationOption = { value: 'lottery', label: t('摇号', 'Lottery') }

/**
 * A lottery wave's settings, spread into the waves collection (cms/collections/HolidayWaves). For a lottery wave
 * the wave's own 开始报名 is when seats left after the last round open first come, first served.
 */
export const lotteryWaveFields: Field[] = [
  {
    type: 'collapsible',
    label: t('摇号设置', 'Lottery'),
    admin: { condition: isLottery },
    fields: [
      {
        type: 'row',
        fields: [
          instant('lotteryEntryOpensAt', t('摇号报名开始', 'Entry opens')),
          instant('lotteryEntryClosesAt', t('摇号报名截止', 'Entry closes')),
          instant('lotteryDrawAt', t('摇号时间', 'Draw at')),
        ],
      },
      {
        type: 'row',
        fields: [
          {
            name: 'lotteryConfirmHours',
            type: 'number',
            min: 1,
            max: 24 * 7,
            defaultValue: 24,
            label: t('中签后确认时限（小时）', 'Hours to confirm an offer'),
            admin: { condition: isLottery },
          },
          {
            name: 'lotteryRounds',
            type: 'number',
            min: 0,
            max: 10,
            defaultValue: 2,
            label: t('递补轮数', 'Further rounds'),
            admin: { condition: isLottery },
          },
          {
            name: 'lotteryQuotaPercent',
            type: 'number',
            min: 0,
            max: 100,
            defaultValue: 0,
            label: t('本街道名额比例（%）', 'Street share (%)'),
            admin: { condition: isLottery },
          },
          {
            name: 'lotteryPriorityLimit',
            type: 'number',
            min: 0,
            max: 10_000,
            defaultValue: 0,
            label: t('优先组人数上限', 'Priority group limit'),
            admin: {
              condition: isLottery,
              description: t(
                '本项目更早批次摇号未获名额的孩子先抽，最多这么多人',
                'Children with no seat in an earlier draw of the programme are drawn first, at most this many',
              ),
            },
          },
        ],
      },
      {
        name: 'lotteryPublicSource',
        type: 'text',
        maxLength: 200,
        label: t('公开号码来源', 'Public number source'),
        admin: {
          condition: isLottery,
          description: t(
            '写进规则：名单冻结后才产生的公开号码，如“2026年7月5日福利彩票双色球开奖号码”',
            'Named in the rules: a public number that will exist only after entry closes',
          ),
        },
      },
      {
        name: 'lotteryPublicNumber',
        type: 'text',
        maxLength: 64,
        label: t('公开号码（开奖后录入）', 'Public number (entered once drawn)'),
        admin: { condition: isLottery },
      },
      {
        name: 'lotteryRules',
        type: 'textarea',
        maxLength: 3000,
        label: t('摇号规则（报名前向家长展示）', 'Rules shown before entry'),
        admin: { condition: isLottery },
      },
    ],
  },
]
