import { z } from 'zod'
import { BOOKING_CODE_PATTERN, normaliseBookingCode } from '../../common/booking/code.ts'
import { docId } from '../booking/schemas.ts'

/** Items a household may send in one registration: two children × a few sessions each, with room to spare. */
export const MAX_ITEMS = 8

const idempotencyKey = z
  .string({ message: '缺少请求标识，请刷新页面后重试' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求标识无效，请刷新页面后重试')

const id = (message: string) => z.union([docId], { message })

export const registerInput = z
  .object({
    idempotencyKey,
    items: z
      .array(z.object({ session: id('请选择场次'), child: id('请选择孩子') }).strict(), { message: '请选择孩子和场次' })
      .min(1, '请选择孩子和场次')
      .max(MAX_ITEMS, `一次最多提交 ${MAX_ITEMS} 项报名`),
  })
  .strict()
export type RegisterInput = z.infer<typeof registerInput>

export const code = z
  .string({ message: '请填写报名码' })
  .transform(normaliseBookingCode)
  .pipe(z.string().min(1, '请填写报名码').regex(BOOKING_CODE_PATTERN, '报名码格式不正确'))

export const cancelInput = z.object({ code }).strict()

const idList = z.array(docId).min(1).max(200)

/** `?ids=1,2,3` (at most 200) or `?wave=ID`. */
export const seatsQuery = z.union([
  z.object({
    ids: z.string().transform((v, ctx) => {
      const parsed = idList.safeParse(v.split(',').filter(Boolean))
      if (!parsed.success) ctx.addIssue({ code: 'custom', message: '场次编号无效' })
      return parsed.data ?? []
    }),
  }),
  z.object({ wave: docId }),
])

export const dayInput = z.string({ message: '请选择日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式如 2026-01-26')

export const checkInInput = z.object({ day: dayInput, code }).strict()

export const markInput = z
  .object({
    day: dayInput,
    registration: z.union([docId], { message: '未找到该报名' }),
    status: z.enum(['present', 'absent', 'none'], { message: '签到状态无效' }),
  })
  .strict()
