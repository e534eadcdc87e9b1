import { z } from 'zod'
import { streets } from '../../common/district.ts'
import { MAX_CHOICES } from '../../common/lottery/input.ts'
import { docId } from '../booking/schemas.ts'

/** The lottery API's bodies; each message names its field in Chinese. */
export const entryInput = z
  .object({
    wave: docId,
    child: docId,
    street: z.enum(streets, { error: '请选择居住街道（street）' }),
    choices: z
      .array(docId, { error: '请按顺序选择志愿场次（choices）' })
      .min(1, '请至少选择 1 个志愿场次（choices）')
      .max(MAX_CHOICES, `最多填写 ${MAX_CHOICES} 个志愿场次（choices）`)
      .refine((list) => new Set(list.map(String)).size === list.length, '同一场次不能重复填写（choices）'),
  })
  .strict()

export const withdrawInput = z.object({ wave: docId, child: docId }).strict()

export const offerInput = z
  .object({ entryCode: z.string({ error: '请提供抽签码（entryCode）' }).min(1).max(32, '抽签码（entryCode）有误') })
  .strict()

export const waveQuery = z.object({ wave: docId })
