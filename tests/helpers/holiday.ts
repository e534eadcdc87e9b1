import crypto from 'node:crypto'
import type { Payload } from 'payload'
import { findOrCreateHousehold } from '../../cms/households/service.ts'
import { issueHouseholdToken } from '../../cms/households/token.ts'
import { TIMEZONE } from '../../common/i18n.ts'

const HOUR = 3_600_000
const beijingDate = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10)

/** A published programme with one wave; the wave opens `opensInHours` from now (negative: open already). */
export async function createWave(
  payload: Payload,
  opts: { opensInHours?: number; opensAt?: Date; perChildCap?: number; cancellationHoursBefore?: number } = {},
) {
  const n = crypto.randomInt(1000, 9_999_999)
  const programme = await payload.create({
    collection: 'holiday-programmes',
    data: { title: `测试假期项目${n}`, season: 'winter', year: 2026, summary: '测试', _status: 'published' },
    overrideAccess: true,
  })
  const opensAt = opts.opensAt ?? new Date(Date.now() + (opts.opensInHours ?? -1) * HOUR)
  const wave = await payload.create({
    collection: 'holiday-waves',
    data: {
      programme: programme.id,
      name: `第${n}批`,
      opensAt: opensAt.toISOString(),
      opensAt_tz: TIMEZONE,
      perChildCap: opts.perChildCap ?? 2,
      cancellationHoursBefore: opts.cancellationHoursBefore ?? 24,
      allocation: 'fcfs',
    },
    overrideAccess: true,
  })
  return { programme, wave }
}

let sessionCounter = 0

/** A session of `wave` with `days` consecutive days starting `startsInDays` from today (Beijing dates). */
export async function createHolidaySession(
  payload: Payload,
  waveId: number | string,
  opts: {
    capacity: number
    waitlistSize?: number
    days?: number
    startsInDays?: number
    gradeFrom?: string
    gradeTo?: string
    street?: string
  },
) {
  const first = Date.now() + (opts.startsInDays ?? 10) * 24 * HOUR
  const days = Array.from({ length: opts.days ?? 1 }, (_, i) => ({
    date: beijingDate(first + i * 24 * HOUR),
    startTime: '09:00',
    endTime: '11:30',
  }))
  sessionCounter++
  return payload.create({
    collection: 'holiday-sessions',
    data: {
      code: `T${crypto.randomInt(10, 99)}${String(sessionCounter % 100).padStart(2, '0')}-${crypto.randomInt(1, 9999)}`,
      title: `测试活动${sessionCounter}`,
      wave: waveId,
      venue: { street: (opts.street ?? '福田街道') as '福田街道', community: '岗厦社区', address: '测试地址' },
      days,
      gradeFrom: (opts.gradeFrom ?? '一年级') as '一年级',
      gradeTo: (opts.gradeTo ?? '六年级') as '六年级',
      capacity: opts.capacity,
      waitlistSize: opts.waitlistSize ?? 0,
      status: 'scheduled',
    } as never,
    overrideAccess: true,
  })
}

let phoneCounter = 0

/** A verified household with `children` children (grades 一年级, 二年级 …), and its bearer token. */
export async function createHousehold(payload: Payload, children = 1, phone?: string) {
  const household = await findOrCreateHousehold(
    payload,
    phone ?? `137${String(10_000_000 + ++phoneCounter * 7907 + crypto.randomInt(0, 7000)).slice(-8)}`,
  )
  const kids = []
  for (let i = 0; i < children; i++) {
    kids.push(
      await payload.create({
        collection: 'children',
        data: {
          household: household.id,
          name: `测试孩子${i + 1}`,
          grade: (['一年级', '二年级', '三年级'] as const)[i % 3] as '一年级',
          emergencyContact: { name: '测试联系人', phone: '13900001111' },
          consent: { policyVersion: 'test', at: new Date().toISOString() },
        },
        overrideAccess: true,
      }),
    )
  }
  const { token } = issueHouseholdToken(payload, household.id)
  return { household, children: kids, token }
}

export const registerBody = (items: { session: number | string; child: number | string }[]) => ({
  idempotencyKey: crypto.randomUUID().replace(/-/g, ''),
  items,
})
