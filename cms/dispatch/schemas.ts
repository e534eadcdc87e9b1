import { z } from 'zod'
import { orderReasonField } from '../../common/orders/fields.ts'
import { sessionVisibilities } from './sessionFields.ts'

const instant = (message: string) =>
  z
    .string({ message })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, message)
    .transform((v) => new Date(v))

export const intervalInput = z
  .object({ startsAt: instant('请选择开始时间'), endsAt: instant('请选择结束时间') })
  .strict()

export const offerInput = intervalInput
  .extend({
    lecturer: z.union([z.number().int().positive(), z.string().regex(/^(\d{1,15}|[0-9a-f]{24})$/)], {
      message: '请选择讲师',
    }),
    visibility: z.enum(sessionVisibilities, { message: '请选择场次公开范围' }).optional(),
  })
  .strict()
export type OfferInput = z.infer<typeof offerInput>

export const offerTokenInput = z.object({
  token: z.string({ message: '邀请链接无效' }).min(1, '邀请链接无效').max(200, '邀请链接无效'),
})

const reason = z
  .string({ message: orderReasonField.messages.required })
  .trim()
  .max(orderReasonField.maxLength, orderReasonField.messages.tooLong)

export const answerInput = offerTokenInput
  .extend({ answer: z.enum(['accept', 'decline'], { message: '请选择接受或谢绝' }), reason: reason.optional() })
  .strict()
  .superRefine((input, ctx) => {
    if (input.answer === 'decline' && !input.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '请填写无法授课的原因' })
    }
  })

export const STAFF_DISPATCH_ACTIONS = ['accept', 'refuse', 'request_info', 'mark_held', 'close', 'cancel'] as const
export const staffDispatchInput = z
  .object({
    action: z.enum(STAFF_DISPATCH_ACTIONS, { message: '请选择操作' }),
    reason: z.string().trim().max(orderReasonField.maxLength, orderReasonField.messages.tooLong).optional(),
  })
  .strict()
