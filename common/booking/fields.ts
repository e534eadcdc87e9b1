import { ageBands } from '../catalogue.ts'
import { streets } from '../district.ts'
import { CODE_LENGTH } from './code.ts'

/*
 * The booking form's fields: limits, choices and the Chinese message for each problem. The API's zod schemas
 * (cms/booking/schemas.ts), the islands' checks before sending (site/islands/checks.ts), the admin collection
 * (cms/collections/Bookings) and the staff roster are built from these, so a limit changes everywhere at once.
 */

const PARENT_NAME_MAX = 20
const COMMUNITY_MAX = 30
const EMAIL_MAX = 100
const ATTENDEES_MIN = 1
const ATTENDEES_MAX = 2
const REASON_MIN = 2
const REASON_MAX = 200

/** The attendee counts a booking may hold, smallest first: [1, 2]. */
const attendeeChoices = Array.from({ length: ATTENDEES_MAX - ATTENDEES_MIN + 1 }, (_, i) => ATTENDEES_MIN + i)
const choiceText = `${attendeeChoices.slice(0, -1).join('、')} 或 ${attendeeChoices.at(-1)}`

/**
 * The address shape zod's z.email() accepts by default, spelt out so that the browser checks the same without
 * shipping zod.
 */
const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/

export const bookingFields = {
  session: {
    messages: { required: '请选择场次', invalid: '场次编号无效' },
  },
  parentName: {
    maxLength: PARENT_NAME_MAX,
    messages: { required: '请填写家长姓名', tooLong: `家长姓名最多 ${PARENT_NAME_MAX} 个字` },
  },
  phone: {
    /** Room for a number as typed: "+86 138 0013 8000". */
    inputMaxLength: 20,
    messages: { required: '请填写手机号', invalid: '请填写正确的 11 位手机号' },
  },
  childAgeBand: {
    options: ageBands.map((band) => band.value),
    messages: { required: '请选择孩子的年龄段' },
  },
  street: {
    options: streets,
    messages: { required: '请选择所在街道' },
  },
  community: {
    maxLength: COMMUNITY_MAX,
    messages: { invalid: '社区名称应为文字', tooLong: `社区名称最多 ${COMMUNITY_MAX} 个字` },
  },
  email: {
    maxLength: EMAIL_MAX,
    pattern: EMAIL_PATTERN,
    messages: { invalid: '邮箱格式不正确', tooLong: `邮箱最多 ${EMAIL_MAX} 个字符` },
  },
  attendees: {
    min: ATTENDEES_MIN,
    max: ATTENDEES_MAX,
    choices: attendeeChoices,
    messages: { invalid: `参加人数应为 ${choiceText}` },
  },
  guardianConsent: {
    messages: { required: '请阅读并勾选同意《儿童个人信息保护规则》' },
  },
  idempotencyKey: {
    /** What site/islands/api.ts generates: random, long enough not to collide, safe in logs and URLs. */
    pattern: /^[A-Za-z0-9_-]{16,80}$/,
    messages: { required: '缺少请求编号，请刷新页面后重试', invalid: '请求编号无效，请刷新页面后重试' },
  },
} as const

export type BookingField = keyof typeof bookingFields

/** The booking code a parent types to look a booking up or cancel it (with the phone number). */
export const codeField = {
  /** Room for a code typed with spaces or dashes: "K7QX - M3PD". */
  inputMaxLength: CODE_LENGTH + 4,
  messages: { required: '请填写报名码', invalid: `报名码为 ${CODE_LENGTH} 位字母和数字，请核对` },
} as const

/** The reason staff give when they cancel a booking or a session; parents are shown it. */
export const cancelReasonField = {
  minLength: REASON_MIN,
  maxLength: REASON_MAX,
  messages: {
    required: '请填写原因',
    tooShort: '请填写原因（将告知家长）',
    tooLong: `原因最多 ${REASON_MAX} 个字`,
    /** The roster's hint, before anything is sent. */
    hint: `请填写原因（至少 ${REASON_MIN} 个字，将告知家长）`,
  },
} as const
