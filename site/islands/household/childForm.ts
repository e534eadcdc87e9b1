/** The add-a-child form's checks, in the same words as the API's (cms/households/schemas.ts). */
import { householdFields as f } from '../../../common/household/fields.ts'
import { childGrades } from '../../../common/household/grades.ts'
import { normalisePhone } from '../../../common/phone.ts'
import { type Check, checkChoice, checkText } from '../checks.ts'

export type ChildField = 'name' | 'grade' | 'contactName' | 'contactPhone' | 'guardianConsent'
export type ChildValues = {
  name: string
  grade: string
  contactName: string
  contactPhone: string
  guardianConsent: boolean
}
export type ChildErrors = Partial<Record<ChildField, string>>

export const childFieldOrder: ChildField[] = ['name', 'grade', 'contactName', 'contactPhone', 'guardianConsent']
export const emptyChild: ChildValues = {
  name: '',
  grade: '',
  contactName: '',
  contactPhone: '',
  guardianConsent: false,
}

const contactPhone: Check<string> = (phone) => {
  if (!phone.trim()) return f.contactPhone.messages.required
  return normalisePhone(phone) ? undefined : f.contactPhone.messages.invalid
}

export function validateChild(v: ChildValues): ChildErrors {
  const found: ChildErrors = {
    name: checkText(f.childName)(v.name),
    grade: checkChoice(childGrades, f.grade.messages.required)(v.grade),
    contactName: checkText(f.contactName)(v.contactName),
    contactPhone: contactPhone(v.contactPhone),
    guardianConsent: v.guardianConsent ? undefined : f.guardianConsent.messages.required,
  }
  return Object.fromEntries(Object.entries(found).filter(([, m]) => m)) as ChildErrors
}

/** The API's body for a checked form. */
export const childBody = (v: ChildValues) => ({
  name: v.name.trim(),
  grade: v.grade,
  emergencyContact: { name: v.contactName.trim(), phone: normalisePhone(v.contactPhone) ?? v.contactPhone },
  guardianConsent: true as const,
})

/** Which form field an API refusal is about (the API names the top-level field). */
export const fieldOfApi = (field?: string): ChildField | undefined =>
  field === 'emergencyContact'
    ? 'contactPhone'
    : (childFieldOrder as string[]).includes(field ?? '')
      ? (field as ChildField)
      : undefined
