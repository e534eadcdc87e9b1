/*
 * The household forms' fields: limits and the Chinese message for each problem. The API's zod schemas
 * (cms/households/schemas.ts), the islands' checks (site/islands/household/) and the collections are built from
 * these, so a limit changes everywhere at once. Browser-safe: no server imports.
 */

export const VERIFICATION_CODE_LENGTH = 6
/** How long a sent code stays valid, and how soon the same number may ask for another. */
export const CODE_VALID_MINUTES = 5
export const RESEND_AFTER_SECONDS = 60

const CHILD_NAME_MAX = 20
const CONTACT_NAME_MAX = 20

export const householdFields = {
  code: {
    length: VERIFICATION_CODE_LENGTH,
    pattern: /^\d{6}$/,
    messages: { required: '请填写短信验证码', invalid: `验证码是 ${VERIFICATION_CODE_LENGTH} 位数字` },
  },
  childName: {
    maxLength: CHILD_NAME_MAX,
    messages: {
      required: '请填写孩子的名字或小名（工作人员点名时使用）',
      tooLong: `名字或小名最多 ${CHILD_NAME_MAX} 个字`,
    },
  },
  grade: { messages: { required: '请选择孩子的年级' } },
  contactName: {
    maxLength: CONTACT_NAME_MAX,
    messages: { required: '请填写紧急联系人姓名', tooLong: `紧急联系人姓名最多 ${CONTACT_NAME_MAX} 个字` },
  },
  contactPhone: { messages: { required: '请填写紧急联系人手机号', invalid: '请填写正确的 11 位紧急联系人手机号' } },
  guardianConsent: { messages: { required: '请确认您是孩子的监护人并同意我们按隐私政策处理孩子的信息' } },
} as const
