import type { Payload, PayloadRequest } from 'payload'
import { maskPhone } from '../../common/phone.ts'
import { BookingError } from '../booking/errors.ts'
import type { DocId } from '../booking/schemas.ts'
import { rosterTableCsv, rosterTableXlsx } from '../lib/rosterExport.ts'
import type { Child, HolidaySession } from '../payload-types.ts'
import { holidayStore } from './index.ts'

export type DayMark = 'present' | 'absent' | 'none'

export type HolidayRosterRow = {
  registration: DocId
  code: string
  childName: string
  grade: string
  /** The household's verified phone, masked. */
  householdPhone: string
  contactName: string
  /** Masked unless the export was asked for with contacts (coordinators calling in an emergency). */
  contactPhone: string
  mark: DayMark
  markedAt: string | null
}

const markLabels: Record<DayMark, string> = { present: '已签到', absent: '缺席', none: '未签到' }

/** A session as the signed-in coordinator may see it (street scope applies); 404 otherwise. */
export async function sessionForStaff(req: PayloadRequest, id: DocId): Promise<HolidaySession> {
  const session = await req.payload
    .findByID({
      collection: 'holiday-sessions',
      id: id as number,
      depth: 0,
      overrideAccess: false,
      req,
      disableErrors: true,
    })
    .catch(() => null)
  if (!session) throw new BookingError('session_not_found', '未找到该场次')
  return session
}

export function requireSessionDate(session: HolidaySession, day: string) {
  if (!(session.days ?? []).some((d) => d.date === day)) {
    throw new BookingError('not_session_day', `${day} 不是本场次的活动日期`, 'day')
  }
}

/** The confirmed children of a session with their mark for `day`, in registration order. */
export async function holidayRoster(
  payload: Payload,
  sessionId: DocId,
  day: string,
  revealContacts: boolean,
): Promise<HolidayRosterRow[]> {
  const [{ docs }, marks] = await Promise.all([
    payload.find({
      collection: 'holiday-registrations',
      where: { and: [{ session: { equals: sessionId } }, { status: { equals: 'confirmed' } }] },
      sort: 'createdAt',
      depth: 1,
      limit: 0,
      pagination: false,
      overrideAccess: true,
    }),
    payload.find({
      collection: 'holiday-attendance',
      where: { and: [{ session: { equals: sessionId } }, { day: { equals: day } }] },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
    }),
  ])
  const markOf = new Map(marks.docs.map((m) => [String(m.registration), m]))
  return docs.map((r) => {
    const child = (typeof r.child === 'object' ? r.child : null) as Child | null
    const household = typeof r.household === 'object' ? r.household : null
    const mark = markOf.get(String(r.id))
    const contactPhone = child?.emergencyContact?.phone ?? ''
    return {
      registration: r.id,
      code: r.code,
      childName: child?.name ?? '（已删除）',
      grade: child?.grade ?? '',
      householdPhone: household?.phone ? maskPhone(household.phone) : '',
      contactName: child?.emergencyContact?.name ?? '',
      contactPhone: revealContacts ? contactPhone : contactPhone && maskPhone(contactPhone),
      mark: (mark?.status as DayMark | undefined) ?? 'none',
      markedAt: mark?.at ?? null,
    }
  })
}

/** Marks a day present or absent, or clears it ('none'), for one confirmed registration of the session. */
export async function markDay(
  payload: Payload,
  write: { session: DocId; registration: DocId; day: string; status: DayMark; by: DocId | null },
) {
  const store = holidayStore(payload)
  if (write.status === 'none') return { cleared: await store.unmark(write.registration, write.day) }
  const done = await store.mark({ ...write, status: write.status, now: new Date() })
  if (!done) throw new BookingError('booking_not_found', '未找到该孩子在本场次的有效报名')
  return done
}

const columns: [keyof HolidayRosterRow, string][] = [
  ['code', '报名码'],
  ['childName', '孩子'],
  ['grade', '年级'],
  ['householdPhone', '家长手机'],
  ['contactName', '紧急联系人'],
  ['contactPhone', '紧急联系电话'],
  ['mark', '签到'],
]

const cell = (row: HolidayRosterRow, key: keyof HolidayRosterRow) =>
  key === 'mark' ? markLabels[row.mark] : String(row[key] ?? '')

/** CSV with a BOM (Excel opens the Chinese correctly), quoted and formula-safe cells. */
export function holidayRosterCsv(rows: HolidayRosterRow[]): string {
  return rosterTableCsv(columns, rows, cell)
}

export function holidayRosterXlsx(rows: HolidayRosterRow[], title: string): Promise<Buffer> {
  return rosterTableXlsx('签到名单', title, columns, rows, cell)
}
