import { ageBands, courseFormats } from '../catalogue.ts'
import { streets } from '../district.ts'

/*
 * The course order form's fields: limits, choices and the Chinese message for each problem. The API's zod schema
 * (cms/orders/schemas.ts), the order island's checks before sending and the admin collection are built from these.
 */

export const organisationTypes = [
  { value: 'community', label: '社区' },
  { value: 'school', label: '学校' },
  { value: 'kindergarten', label: '幼儿园' },
  { value: 'enterprise', label: '园区或企业' },
  { value: 'parents', label: '家长群' },
  { value: 'other', label: '其他' },
] as const
export type OrganisationType = (typeof organisationTypes)[number]['value']

const ORG_NAME_MAX = 40
const CONTACT_NAME_MAX = 20
const VENUE_MAX = 80
const NOTES_MAX = 300
const HEADCOUNT_MIN = 10
const HEADCOUNT_MAX = 500
const WINDOWS_MIN = 2
const WINDOWS_MAX = 3
/** How far ahead a requester may ask (days). */
const HORIZON_DAYS = 365
const REASON_MIN = 2
const REASON_MAX = 200

export const orderFields = {
  course: { messages: { required: '请选择课程', invalid: '课程无效，请返回课程列表重新选择' } },
  organisationType: {
    options: organisationTypes.map((o) => o.value),
    messages: { required: '请选择单位类型' },
  },
  organisationName: {
    maxLength: ORG_NAME_MAX,
    messages: { required: '请填写单位名称', tooLong: `单位名称最多 ${ORG_NAME_MAX} 个字` },
  },
  street: { options: streets, messages: { required: '请选择所在街道' } },
  community: { messages: { required: '请选择所在社区', invalid: '所选社区不在该街道，请重新选择' } },
  audience: {
    options: ageBands.map((b) => b.value),
    messages: { required: '请选择听课对象（至少一项）', invalid: '听课对象无效' },
  },
  headcount: {
    min: HEADCOUNT_MIN,
    max: HEADCOUNT_MAX,
    messages: { invalid: `预计人数应为 ${HEADCOUNT_MIN}–${HEADCOUNT_MAX} 之间的整数` },
  },
  windows: {
    min: WINDOWS_MIN,
    max: WINDOWS_MAX,
    horizonDays: HORIZON_DAYS,
    messages: {
      required: `请填写 ${WINDOWS_MIN}–${WINDOWS_MAX} 个希望的时间段`,
      invalid: '时间段日期格式不正确',
      order: '时间段的结束日期不能早于开始日期',
      past: '希望的时间段应在今天之后',
      tooFar: `希望的时间段应在一年以内`,
    },
  },
  format: {
    options: courseFormats.map((f) => f.value),
    messages: { required: '请选择线下或线上' },
  },
  venueAddress: {
    maxLength: VENUE_MAX,
    messages: { required: '线下活动请填写场地地址', tooLong: `场地地址最多 ${VENUE_MAX} 个字` },
  },
  interactionMode: { messages: { required: '请选择互动形式', invalid: '互动形式无效，请重新选择' } },
  contactName: {
    maxLength: CONTACT_NAME_MAX,
    messages: { required: '请填写联系人姓名', tooLong: `联系人姓名最多 ${CONTACT_NAME_MAX} 个字` },
  },
  contactPhone: {
    inputMaxLength: 20,
    messages: { required: '请填写联系人手机号', invalid: '请填写正确的 11 位手机号' },
  },
  notes: { maxLength: NOTES_MAX, messages: { tooLong: `备注最多 ${NOTES_MAX} 个字` } },
  consent: { messages: { required: '请阅读并勾选同意《隐私政策》' } },
  idempotencyKey: {
    pattern: /^[A-Za-z0-9_-]{16,80}$/,
    messages: { required: '缺少请求编号，请刷新页面后重试', invalid: '请求编号无效，请刷新页面后重试' },
  },
} as const

export type OrderField = keyof typeof orderFields

/** A question, an answer or a reason a requester or staff gives with an action. */
export const orderReasonField = {
  minLength: REASON_MIN,
  maxLength: REASON_MAX,
  messages: {
    required: '请填写说明',
    tooShort: `说明至少 ${REASON_MIN} 个字`,
    tooLong: `说明最多 ${REASON_MAX} 个字`,
  },
} as const

/** The order code (same alphabet and length as booking codes). */
export const orderCodeField = {
  messages: { required: '请填写点单编号', invalid: '点单编号为 8 位字母和数字，请核对' },
} as const

export const organisationTypeLabel = (value: string) => organisationTypes.find((o) => o.value === value)?.label ?? value
