import type { Payload, PayloadRequest } from 'payload'
import { z } from 'zod'
import { normaliseBookingCode } from '../../common/booking/code.ts'
import { cancelReasonField } from '../../common/booking/fields.ts'
import { bookingStatusLabels } from '../../common/booking/status.ts'
import { ageBands } from '../../common/catalogue.ts'
import { formatDate, formatDateTime } from '../../common/dates.ts'
import { maskPhone } from '../../common/phone.ts'
import { userHasRole } from '../access/roles.ts'
import { rosterTableCsv, rosterTableXlsx } from '../lib/rosterExport.ts'
import type { Booking } from '../payload-types.ts'
import { BookingError } from './errors.ts'
import { type DocId, docId } from './schemas.ts'
import { hasStarted, isSessionDay } from './sessionTiming.ts'

export const statusLabels: Record<Booking['status'], string> = bookingStatusLabels.zh

/** Staff endpoints answer coordinators and admins only; everyone else gets the same 403. */
export function requireCoordinator(req: PayloadRequest) {
  if (!userHasRole(req.user, 'coordinator')) {
    throw new BookingError('forbidden', '您无权执行此操作')
  }
}

export const parseId = (value: unknown, what = '记录') => {
  const id = docId.safeParse(value)
  if (!id.success) throw new BookingError('booking_not_found', `未找到该${what}`)
  return id.data
}

export const reasonInput = z.object({
  reason: z
    .string({ message: cancelReasonField.messages.required })
    .trim()
    .min(cancelReasonField.minLength, cancelReasonField.messages.tooShort)
    .max(cancelReasonField.maxLength, cancelReasonField.messages.tooLong),
})
export const checkInInput = z.object({
  session: docId,
  code: z.string({ message: '请填写报名码' }).transform(normaliseBookingCode),
  /** Staff chose 仍然签到 after being told it is not the session's day. */
  confirmOutsideSessionDay: z.boolean().optional(),
})

/**
 * Checking a parent in on another day than the session's is almost always a slip (the wrong session's roster, a
 * code typed days early); it needs the explicit 仍然签到, so no client can do it silently.
 */
export async function requireSessionDay(payload: Payload, sessionId: DocId, now: Date) {
  const session = await payload.findByID({
    collection: 'course-sessions',
    id: sessionId,
    depth: 0,
    disableErrors: true,
  })
  if (!session) throw new BookingError('session_not_found', '未找到该场次')
  if (!isSessionDay(session, now)) {
    throw new BookingError(
      'not_session_day',
      `今天不是本场次的上课日期（${formatDate(session.startsAt)}）。确认无误请选择“仍然签到”。`,
    )
  }
}

/** A booking can be marked 未到场 only once its session has started: until then the parent may still come. */
export async function requireSessionStarted(payload: Payload, bookingId: DocId, now: Date) {
  const booking = await payload.findByID({ collection: 'bookings', id: bookingId, depth: 1, disableErrors: true })
  const session = booking?.session
  if (!session || typeof session !== 'object') throw new BookingError('booking_not_found', '未找到该报名')
  if (!hasStarted(session, now)) {
    throw new BookingError(
      'session_not_started',
      `课程还没有开始（${formatDateTime(session.startsAt)} 开始），开始后才能标记未到场`,
    )
  }
}

export type RosterRow = {
  id: DocId
  code: string
  status: Booking['status']
  statusLabel: string
  parentName: string
  phone: string
  childAgeBand: string
  street: string
  community: string
  attendees: number
  createdAt: string
  checkedInAt?: string | null
  cancelReason?: string | null
}

/** A session's bookings in booking order; phones masked unless `revealPhones` (coordinators and admins only). */
export async function roster(payload: Payload, sessionId: DocId, revealPhones: boolean): Promise<RosterRow[]> {
  const { docs } = await payload.find({
    collection: 'bookings',
    where: { session: { equals: sessionId } },
    sort: 'createdAt',
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const band = (value: string) => ageBands.find((b) => b.value === value)?.label.zh ?? value
  return docs.map((b) => ({
    id: b.id,
    code: b.code,
    status: b.status,
    statusLabel: statusLabels[b.status],
    parentName: b.parentName,
    phone: revealPhones ? b.phone : maskPhone(b.phone),
    childAgeBand: band(b.childAgeBand),
    street: b.street,
    community: b.community ?? '',
    attendees: b.attendees,
    createdAt: b.createdAt,
    checkedInAt: b.checkedInAt,
    cancelReason: b.cancelReason,
  }))
}

const columns: [keyof RosterRow, string][] = [
  ['code', '报名码'],
  ['statusLabel', '状态'],
  ['parentName', '家长姓名'],
  ['phone', '手机号'],
  ['childAgeBand', '孩子年龄段'],
  ['street', '街道'],
  ['community', '社区'],
  ['attendees', '人数'],
  ['createdAt', '报名时间'],
  ['checkedInAt', '签到时间'],
]

const cell = (row: RosterRow, key: keyof RosterRow) => {
  const value = row[key]
  if ((key === 'createdAt' || key === 'checkedInAt') && value) return formatDateTime(String(value))
  return value ?? ''
}

/** CSV with a BOM, so Excel on Windows opens the Chinese correctly; cells are quoted and formula-safe. */
export function rosterCsv(rows: RosterRow[]): string {
  return rosterTableCsv(columns, rows, cell)
}

export function rosterXlsx(rows: RosterRow[], title: string): Promise<Buffer> {
  return rosterTableXlsx('报名名单', title, columns, rows, cell)
}
