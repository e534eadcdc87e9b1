import { z } from 'zod'
import { householdFields as f } from '../../common/household/fields.ts'
import { childGrades } from '../../common/household/grades.ts'
import { normalisePhone } from '../../common/phone.ts'
import { foldFullWidth } from '../../common/text.ts'

const phoneField = (messages: { required: string; invalid: string }) =>
  z.string({ message: messages.required }).transform((v, ctx) => {
    const normal = normalisePhone(v)
    if (!normal) ctx.addIssue({ code: 'custom', message: v.trim() ? messages.invalid : messages.required })
    return normal ?? ''
  })

const phone = phoneField({ required: '请填写手机号', invalid: '请填写正确的 11 位手机号' })

export const sendCodeInput = z.object({ phone }).strict()

export const verifyInput = z
  .object({
    phone,
    code: z
      .string({ message: f.code.messages.required })
      .transform((v) => foldFullWidth(v).replace(/\s/g, ''))
      .pipe(z.string().min(1, f.code.messages.required).regex(f.code.pattern, f.code.messages.invalid)),
  })
  .strict()

const text = (field: { maxLength: number; messages: { required: string; tooLong: string } }) =>
  z
    .string({ message: field.messages.required })
    .trim()
    .min(1, field.messages.required)
    .max(field.maxLength, field.messages.tooLong)

export const childInput = z
  .object({
    name: text(f.childName),
    grade: z.enum(childGrades, { message: f.grade.messages.required }),
    emergencyContact: z
      .object(
        {
          name: text(f.contactName),
          phone: phoneField(f.contactPhone.messages),
        },
        { message: f.contactName.messages.required },
      )
      .strict(),
    guardianConsent: z.literal(true, { message: f.guardianConsent.messages.required }),
  })
  .strict()
export type ChildInput = z.infer<typeof childInput>
