import { z } from 'zod'
import { BOOKING_CODE_PATTERN, normaliseBookingCode } from '../../common/booking/code.ts'
import { orderFields as f, orderCodeField, orderReasonField } from '../../common/orders/fields.ts'
import { normalisePhone } from '../../common/phone.ts'
import { FORBIDDEN_TEXT_MESSAGE, hasForbiddenCharacters } from '../../common/text.ts'

/** A document id (integer on SQLite, ObjectId on MongoDB) with the message for its field. */
export const idOf = (message: string) =>
  z.union(
    [
      z.number(message).int(message).positive(message),
      z
        .string(message)
        .regex(/^(\d{1,15}|[0-9a-f]{24})$/, message)
        .transform((v) => (/^\d+$/.test(v) ? Number(v) : v)),
    ],
    { message },
  )

export const phoneOf = (messages: { required: string; invalid: string }) =>
  z.string({ message: messages.required }).transform((v, ctx) => {
    const normal = normalisePhone(v)
    if (!normal) ctx.addIssue({ code: 'custom', message: v.trim() ? messages.invalid : messages.required })
    return normal ?? ''
  })

/** No control or direction-override characters (common/text.ts); the message names the field. */
const plain = (label: string, multiline = false) =>
  [(v: string) => !hasForbiddenCharacters(v, { multiline }), `${label}${FORBIDDEN_TEXT_MESSAGE}`] as const

const text = (max: number, messages: { required: string; tooLong: string }, label: string) =>
  z
    .string({ message: messages.required })
    .trim()
    .min(1, messages.required)
    .max(max, messages.tooLong)
    .refine(...plain(label))

const DAY = /^\d{4}-\d{2}-\d{2}$/
const day = z
  .string({ message: f.windows.messages.invalid })
  .regex(DAY, f.windows.messages.invalid)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00+08:00`)), f.windows.messages.invalid)

export const orderWindow = z.object({ from: day, to: day }).strict()

export const submitInput = z
  .object({
    course: idOf(f.course.messages.invalid),
    organisationType: z.enum(f.organisationType.options, { message: f.organisationType.messages.required }),
    organisationName: text(f.organisationName.maxLength, f.organisationName.messages, '单位名称'),
    street: z.enum(f.street.options, { message: f.street.messages.required }),
    community: idOf(f.community.messages.required),
    audience: z
      .array(z.enum(f.audience.options, { message: f.audience.messages.invalid }), {
        message: f.audience.messages.required,
      })
      .min(1, f.audience.messages.required)
      .max(f.audience.options.length, f.audience.messages.invalid)
      .transform((v) => [...new Set(v)]),
    headcount: z
      .number({ message: f.headcount.messages.invalid })
      .int(f.headcount.messages.invalid)
      .min(f.headcount.min, f.headcount.messages.invalid)
      .max(f.headcount.max, f.headcount.messages.invalid),
    windows: z
      .array(orderWindow, { message: f.windows.messages.required })
      .min(f.windows.min, f.windows.messages.required)
      .max(f.windows.max, f.windows.messages.required),
    format: z.enum(f.format.options, { message: f.format.messages.required }),
    venueAddress: z
      .string(f.venueAddress.messages.required)
      .trim()
      .max(f.venueAddress.maxLength, f.venueAddress.messages.tooLong)
      .refine(...plain('场地地址'))
      .optional(),
    interactionMode: idOf(f.interactionMode.messages.required),
    contactName: text(f.contactName.maxLength, f.contactName.messages, '联系人姓名'),
    contactPhone: phoneOf(f.contactPhone.messages),
    notes: z
      .string(f.notes.messages.tooLong)
      .trim()
      .max(f.notes.maxLength, f.notes.messages.tooLong)
      .refine(...plain('备注', true))
      .optional()
      .transform((v) => v || undefined),
    consent: z.literal(true, { message: f.consent.messages.required }),
    idempotencyKey: z
      .string({ message: f.idempotencyKey.messages.required })
      .regex(f.idempotencyKey.pattern, f.idempotencyKey.messages.invalid),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.format === 'offline' && !input.venueAddress) {
      ctx.addIssue({ code: 'custom', path: ['venueAddress'], message: f.venueAddress.messages.required })
    }
  })
export type SubmitInput = z.infer<typeof submitInput>

export const orderCode = z
  .string({ message: orderCodeField.messages.required })
  .transform(normaliseBookingCode)
  .pipe(
    z.string().min(1, orderCodeField.messages.required).regex(BOOKING_CODE_PATTERN, orderCodeField.messages.invalid),
  )

export const trackInput = z.object({ code: orderCode, phone: phoneOf(f.contactPhone.messages) }).strict()
export type TrackInput = z.infer<typeof trackInput>

const reason = z
  .string({ message: orderReasonField.messages.required })
  .trim()
  .min(1, orderReasonField.messages.required)
  .min(orderReasonField.minLength, orderReasonField.messages.tooShort)
  .max(orderReasonField.maxLength, orderReasonField.messages.tooLong)
  .refine(...plain('说明', true))

/** A requester's action that needs a reason (an answer, why a date does not suit, why the session is off). */
export const reasonedInput = trackInput.extend({ reason }).strict()
/** A requester's action with an optional note (withdrawing). */
export const optionalReasonInput = trackInput.extend({ reason: reason.optional() }).strict()

export const rateInput = trackInput
  .extend({
    score: z.number({ message: '请选择 1–5 分' }).int('请选择 1–5 分').min(1, '请选择 1–5 分').max(5, '请选择 1–5 分'),
    comment: z
      .string('评价内容应为文字')
      .trim()
      .max(300, '评价最多 300 字')
      .refine(...plain('评价', true))
      .optional(),
  })
  .strict()
export type RateInput = z.infer<typeof rateInput>

export const demandInput = z
  .object({
    course: idOf(f.course.messages.invalid),
    street: z.enum(f.street.options, { message: f.street.messages.required }),
    community: idOf(f.community.messages.required),
    phone: phoneOf({ required: '请填写手机号', invalid: '请填写正确的 11 位手机号' }),
  })
  .strict()
export type DemandInput = z.infer<typeof demandInput>

/** Staff: one action on one order. */
export const staffActionInput = z
  .object({ action: z.string({ message: '请选择操作' }).min(1, '请选择操作'), reason: z.string().optional() })
  .strict()
