import { z } from 'zod'
import { BOOKING_CODE_PATTERN, normaliseBookingCode } from '../../common/booking/code.ts'
import { codeField, bookingFields as f } from '../../common/booking/fields.ts'
import { normalisePhone } from '../../common/phone.ts'
import { BookingError } from './errors.ts'

/** Document IDs: integers on SQLite, 24-hex ObjectIds on MongoDB. */
const invalidSession = f.session.messages.invalid
export const docId = z.union(
  [
    z.number(invalidSession).int(invalidSession).positive(invalidSession),
    z
      .string()
      .regex(/^(\d{1,15}|[0-9a-f]{24})$/)
      .transform((v) => (/^\d+$/.test(v) ? Number(v) : v)),
  ],
  { message: invalidSession },
)
export type DocId = z.infer<typeof docId>

const phone = z.string({ message: f.phone.messages.required }).transform((v, ctx) => {
  const normal = normalisePhone(v)
  if (!normal)
    ctx.addIssue({ code: 'custom', message: v.trim() ? f.phone.messages.invalid : f.phone.messages.required })
  return normal ?? ''
})

const code = z
  .string({ message: codeField.messages.required })
  .transform(normaliseBookingCode)
  .pipe(z.string().min(1, codeField.messages.required).regex(BOOKING_CODE_PATTERN, codeField.messages.invalid))

const { attendees } = f

/** An invitation session's token, as its link carries it. */
export const inviteToken = z
  .string('邀请链接无效')
  .regex(/^[A-Za-z0-9_-]{16,64}$/, '邀请链接无效，请使用完整的邀请链接')

export const bookInput = z
  .object({
    session: docId,
    parentName: z
      .string({ message: f.parentName.messages.required })
      .trim()
      .min(1, f.parentName.messages.required)
      .max(f.parentName.maxLength, f.parentName.messages.tooLong),
    phone,
    childAgeBand: z.enum(f.childAgeBand.options, { message: f.childAgeBand.messages.required }),
    street: z.enum(f.street.options, { message: f.street.messages.required }),
    community: z
      .string(f.community.messages.invalid)
      .trim()
      .max(f.community.maxLength, f.community.messages.tooLong)
      .optional(),
    email: z
      .union(
        [
          z.literal(''),
          z
            .email({ pattern: f.email.pattern, message: f.email.messages.invalid })
            .max(f.email.maxLength, f.email.messages.tooLong),
        ],
        f.email.messages.invalid,
      )
      .optional()
      .transform((v) => v || undefined),
    attendees: z
      .number({ message: attendees.messages.invalid })
      .int(attendees.messages.invalid)
      .min(attendees.min, attendees.messages.invalid)
      .max(attendees.max, attendees.messages.invalid),
    guardianConsent: z.literal(true, { message: f.guardianConsent.messages.required }),
    idempotencyKey: z
      .string({ message: f.idempotencyKey.messages.required })
      .regex(f.idempotencyKey.pattern, f.idempotencyKey.messages.invalid),
    /** The token of an invitation session's link (cms/dispatch/sessions.ts); public sessions need none. */
    invite: inviteToken.optional(),
  })
  .strict()
export type BookInput = z.infer<typeof bookInput>

export const lookupInput = z.object({ code, phone }).strict()
export type LookupInput = z.infer<typeof lookupInput>

/**
 * Validates a request body, turning the first problem into a Chinese 400 the form can show beside the field
 * it names (no field for an unknown key or a body that is not an object).
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  // Every field above names its own messages; this is the net under them, so no English zod text reaches a parent.
  const result = schema.safeParse(body, { error: () => '填写内容有误，请检查后重试' })
  if (result.success) return result.data
  const issue = result.error.issues[0]
  if (!issue) throw new BookingError('invalid_input', '请求内容有误')
  if (issue.code === 'unrecognized_keys') {
    throw new BookingError('invalid_input', `不支持的字段：${issue.keys.join('、')}`)
  }
  if (issue.path.length === 0) {
    throw new BookingError('invalid_input', issue.code === 'invalid_type' ? '请求内容应为 JSON 对象' : issue.message)
  }
  throw new BookingError('invalid_input', issue.message, String(issue.path[0]))
}
