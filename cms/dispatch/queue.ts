import type { Payload, Where } from 'payload'
import { FINAL_ORDER_STATES, ORDER_STATE_LABELS, type OrderState } from '../../common/orders/states.ts'
import { streetWhere } from '../access/streetScope.ts'
import type { Course, CourseOrder } from '../payload-types.ts'
import { offerOf } from './offers.ts'

const DAY_MS = 24 * 60 * 60 * 1000

export type QueueFilter = { state?: string; street?: string; minAgeDays?: number }
type User = { roles?: readonly string[] | null; streets?: readonly string[] | null } | null | undefined

/**
 * The coordinator's queue: open orders of their streets (all for the district), overdue first (no first answer by
 * the due date, from site settings' working days), then the oldest. Filterable by state, street and age.
 */
export async function dispatchQueue(payload: Payload, user: User, filter: QueueFilter, now = new Date()) {
  const scope = streetWhere(user, 'street')
  const and: Where[] = [{ state: { not_in: [...FINAL_ORDER_STATES] } }]
  if (scope !== true) and.push(scope)
  if (filter.state) and.push({ state: { equals: filter.state } })
  if (filter.street) and.push({ street: { equals: filter.street } })
  if (filter.minAgeDays)
    and.push({ createdAt: { less_than: new Date(now.getTime() - filter.minAgeDays * DAY_MS).toISOString() } })
  const { docs } = await payload.find({
    collection: 'course-orders',
    where: { and },
    depth: 1,
    limit: 500,
    sort: 'createdAt',
    overrideAccess: true,
    joins: false,
    select: {
      code: true,
      state: true,
      street: true,
      course: true,
      organisationName: true,
      headcount: true,
      createdAt: true,
      firstResponseDueAt: true,
      firstRespondedAt: true,
      offer: true,
    },
  })
  const rows = (docs as unknown as CourseOrder[]).map((o) => {
    const due = o.firstResponseDueAt ? new Date(o.firstResponseDueAt) : null
    const overdue = Boolean(due && !o.firstRespondedAt && due < now)
    const offer = offerOf(o)
    return {
      id: o.id,
      code: o.code,
      state: o.state as OrderState,
      stateLabel: ORDER_STATE_LABELS[o.state as OrderState],
      street: o.street,
      course: (o.course as Course | undefined)?.title ?? '',
      organisation: o.organisationName,
      headcount: o.headcount,
      ageDays: Math.floor((now.getTime() - new Date(o.createdAt).getTime()) / DAY_MS),
      dueAt: o.firstResponseDueAt ?? null,
      overdue,
      offerStatus: offer.status ?? null,
      offerExpiresAt: offer.expiresAt ?? null,
    }
  })
  return rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.ageDays - a.ageDays)
}
export type QueueRow = Awaited<ReturnType<typeof dispatchQueue>>[number]
