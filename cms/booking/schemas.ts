import { z } from 'zod'
import { ageBands } from '../../common/catalogue.ts'
import { streets } from '../../common/district.ts'
import { normalisePhone } from '../../common/phone.ts'
import { normaliseBookingCode } from './code.ts'
import { BookingError } from './errors.ts'

/** Document IDs: integers on SQLite, 24-hex ObjectIds on MongoDB. */
export const docId = z.union(
  [
    z.number().int().positive(),
    z
      .string()
      .regex(/^(\d{1,15}|[0-9a-f]{24})$/)
      .transform((v) => (/^\d+$/.test(v) ? Number(v) : v)),
  ],
  { message: '场次编号无效' },
)
export type DocId = z.infer<typeof docId>

const phone = z.string({ message: '请填写手机号' }).transform((v, ctx) => {
  const normal = normalisePhone(v)
  if (!normal) ctx.addIssue({ code: 'custom', message: '请填写正确的 11 位手机号' })
  return normal ?? ''
})

const code = z
  .string({ message: '请填写报名码' })
  .transform(normaliseBookingCode)
  .pipe(z.string().regex(/^[2-9A-HJ-NP-Z]{8}$/, '报名码为 8 位字母和数字，请核对'))

export const bookInput = z
  .object({
    session: docId,
    parentName: z.string({ message: '请填写家长姓名' }).trim().min(1, '请填写家长姓名').max(20, '家长姓名最多 20 个字'),
    phone,
    childAgeBand: z.enum(
      ageBands.map((b) => b.value),
      { message: '请选择孩子的年龄段' },
    ),
    street: z.enum(streets, { message: '请选择所在街道' }),
    community: z.string().trim().max(30, '社区名称最多 30 个字').optional(),
    email: z
      .union([z.literal(''), z.email('邮箱格式不正确')])
      .optional()
      .transform((v) => v || undefined),
    attendees: z
      .number({ message: '参加人数应为 1 或 2' })
      .int()
      .min(1, '参加人数应为 1 或 2')
      .max(2, '参加人数应为 1 或 2'),
    guardianConsent: z.literal(true, { message: '请阅读并勾选同意《儿童个人信息保护规则》' }),
    idempotencyKey: z
      .string({ message: '缺少请求编号，请刷新页面后重试' })
      .regex(/^[A-Za-z0-9_-]{16,80}$/, '请求编号无效，请刷新页面后重试'),
  })
  .strict()
export type BookInput = z.infer<typeof bookInput>

export const lookupInput = z.object({ code, phone }).strict()
export type LookupInput = z.infer<typeof lookupInput>

/** Validates a request body, turning the first problem into a Chinese 400 the form can show. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const message =
    issue?.code === 'unrecognized_keys'
      ? `不支持的字段：${issue.keys.join('、')}`
      : issue?.code === 'invalid_type' && issue.path.length === 0
        ? '请求内容应为 JSON 对象'
        : (issue?.message ?? '请求内容有误')
  throw new BookingError('invalid_input', message)
}
