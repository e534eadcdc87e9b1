import { foldFullWidth } from './text.ts'

/**
 * Mainland mobile numbers as parents type them: "+86 138 0013 8000", "138-0013-8000", "8613800138000", and in
 * the full-width digits Chinese input methods produce ("１３８ ００１３ ８０００").
 */
export function normalisePhone(input: string): string | undefined {
  const digits = foldFullWidth(input)
    .replace(/[\s\-()（）]/g, '')
    .replace(/^(\+86|0086|86)(?=1\d{10}$)/, '')
  return /^1[3-9]\d{9}$/.test(digits) ? digits : undefined
}

/** "138****8000": what staff lists and exports show unless the role needs the full number. */
export const maskPhone = (phone: string): string =>
  /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone.replace(/\d(?=\d{4})/g, '*')
