import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { holidayStore } from '../../cms/holiday/index.ts'
import { tellHouseholdsOfChanges } from '../../cms/holiday/tellHouseholds.ts'
import { purgePersonalData } from '../../cms/jobs/purgePersonalData.ts'
import type { SmsSender, SmsTemplate } from '../../cms/notifications/sms.ts'
import { maskPhone } from '../../common/phone.ts'
import { api } from '../helpers/api.ts'
import { createHolidaySession, createHousehold, createWave, registerBody } from '../helpers/holiday.ts'
import { startTestPayload, type TestPayload } from '../helpers/payload.ts'

let ctx: TestPayload
let coordinator: Record<string, string> = {}
const DAY = 24 * 3_600_000

beforeAll(async () => {
  ctx = await startTestPayload()
  await ctx.payload.create({
    collection: 'users',
    data: { name: '协调员', email: 'c@holiday.test', password: 'staff-password-1', roles: ['coordinator'] },
    overrideAccess: true,
  })
  const { token } = await ctx.payload.login({
    collection: 'users',
    data: { email: 'c@holiday.test', password: 'staff-password-1' },
  })
  coordinator = { authorization: `JWT ${token}` }
})
afterAll(() => ctx?.close())

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const registerAs = (token: string, items: { session: number | string; child: number | string }[], key?: string) =>
  api(
    'POST',
    '/api/holiday-registrations/register',
    { ...registerBody(items), ...(key ? { idempotencyKey: key } : {}) },
    {
      headers: bearer(token),
    },
  )
const session = (id: number | string) => ctx.payload.findByID({ collection: 'holiday-sessions', id, depth: 0 })

describe('GET /api/holiday-sessions/seats', () => {
  it('answers seats and state for ids or a wave, uncached, with the server time; no child data', async () => {
    const { wave } = await createWave(ctx.payload, { opensInHours: 2 })
    const a = await createHolidaySession(ctx.payload, wave.id, { capacity: 3 })
    const before = Date.now()
    const byIds = await api('GET', `/api/holiday-sessions/seats?ids=${a.id}`)
    expect(byIds.status).toBe(200)
    expect(byIds.headers.get('cache-control')).toBe('no-store')
    expect(Date.parse(byIds.headers.get('x-server-time') ?? '')).toBeGreaterThanOrEqual(before - 1)
    expect(Date.parse(byIds.json.serverTime)).toBeGreaterThanOrEqual(before - 1)
    expect(byIds.json.sessions).toEqual([
      { id: a.id, seatsLeft: 3, waitlistLeft: 0, state: 'not_open', opensAt: wave.opensAt, closesAt: null },
    ])
    const byWave = await api('GET', `/api/holiday-sessions/seats?wave=${wave.id}`)
    expect(byWave.json.sessions.map((s: { id: number }) => s.id)).toEqual([a.id])
  })
  it('refuses a request naming neither ids nor a wave, and hides unpublished programmes', async () => {
    expect((await api('GET', '/api/holiday-sessions/seats')).status).toBe(400)
    expect((await api('GET', '/api/holiday-sessions/seats?ids=abc')).status).toBe(400)
    const { programme, wave } = await createWave(ctx.payload)
    const s = await createHolidaySession(ctx.payload, wave.id, { capacity: 3 })
    await ctx.payload.update({ collection: 'holiday-programmes', id: programme.id, data: { _status: 'draft' } })
    expect((await api('GET', `/api/holiday-sessions/seats?ids=${s.id}`)).json.sessions).toEqual([])
  })
})

describe('POST /api/holiday-registrations/register', () => {
  it('registers two children in two taps: codes, statuses, counts; then the waitlist', async () => {
    const { wave } = await createWave(ctx.payload)
    const s = await createHolidaySession(ctx.payload, wave.id, { capacity: 2, waitlistSize: 1 })
    const family = await createHousehold(ctx.payload, 2)
    const [one, two] = family.children as unknown as [{ id: number }, { id: number }]
    const first = await registerAs(family.token, [
      { session: s.id, child: one.id },
      { session: s.id, child: two.id },
    ])
    expect(first.status).toBe(201)
    expect(first.json.results).toHaveLength(2)
    for (const r of first.json.results) {
      expect(r.status).toBe('confirmed')
      expect(r.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
    }
    const other = await createHousehold(ctx.payload, 2)
    const second = await registerAs(
      other.token,
      other.children.map((c) => ({ session: s.id, child: c.id })),
    )
    expect(second.json.results.map((r: { status?: string; error?: string }) => r.status ?? r.error)).toEqual([
      'waitlisted',
      'full',
    ])
    expect(second.json.results[0].waitlistPosition).toBe(1)
    const stored = await session(s.id)
    expect([stored.confirmedCount, stored.waitlistedCount]).toEqual([2, 1])
  })

  it('answers a replay with the same registrations and writes nothing more', async () => {
    const { wave } = await createWave(ctx.payload)
    const s = await createHolidaySession(ctx.payload, wave.id, { capacity: 5 })
    const family = await createHousehold(ctx.payload, 1)
    const items = [{ session: s.id, child: family.children[0]?.id as number }]
    const a = await registerAs(family.token, items, 'replay-key-0001')
    const b = await registerAs(family.token, items, 'replay-key-0001')
    expect(b.json.results[0].code).toBe(a.json.results[0].code)
    expect((await session(s.id)).confirmedCount).toBe(1)
    // A new press (new key) for the same child and session: one seat per child per session.
    const c = await registerAs(family.token, items)
    expect(c.json.results[0].error).toBe('already_registered')
    expect((await session(s.id)).confirmedCount).toBe(1)
  })

  it('refuses another household’s child as if it did not exist, and writes nothing', async () => {
    const { wave } = await createWave(ctx.payload)
    const s = await createHolidaySession(ctx.payload, wave.id, { capacity: 5 })
    const mineFamily = await createHousehold(ctx.payload, 1)
    const theirs = await createHousehold(ctx.payload, 1)
    const foreign = await registerAs(mineFamily.token, [{ session: s.id, child: theirs.children[0]?.id as number }])
    const missing = await registerAs(mineFamily.token, [{ session: s.id, child: 99_999_999 }])
    expect(foreign.status).toBe(404)
    expect(missing.status).toBe(404)
    expect(foreign.json).toEqual(missing.json)
    expect((await session(s.id)).confirmedCount).toBe(0)
  })

  it('refuses before the opening with the opening time (409), without a token (401) and bad bodies (400)', async () => {
    const { wave } = await createWave(ctx.payload, { opensInHours: 1 })
    const s = await createHolidaySession(ctx.payload, wave.id, { capacity: 5 })
    const family = await createHousehold(ctx.payload, 1)
    const early = await registerAs(family.token, [{ session: s.id, child: family.children[0]?.id as number }])
    expect(early.status).toBe(409)
    expect(early.json.error.code).toBe('not_open')
    expect(early.json.error.opensAt).toBe(wave.opensAt)
    expect(early.json.error.message).toMatch(/报名将于/)
    const anonymous = await api(
      'POST',
      '/api/holiday-registrations/register',
      registerBody([{ session: s.id, child: 1 }]),
    )
    expect(anonymous.status).toBe(401)
    const forged = await registerAs('abc.def', [{ session: s.id, child: 1 }])
    expect(forged.status).toBe(401)
    for (const body of [{}, { idempotencyKey: 'short', items: [] }, { ...registerBody([]), extra: 1 }]) {
      const bad = await api('POST', '/api/holiday-registrations/register', body, { headers: bearer(family.token) })
      expect(bad.status).toBe(400)
      expect(bad.json.error.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect((await session(s.id)).confirmedCount).toBe(0)
  })

  it('stops a child at the wave’s cap, counting across sessions of the wave only', async () => {
    const { wave } = await createWave(ctx.payload, { perChildCap: 2 })
    const sessions = await Promise.all([1, 2, 3].map(() => createHolidaySession(ctx.payload, wave.id, { capacity: 5 })))
    const family = await createHousehold(ctx.payload, 1)
    const child = family.children[0]?.id as number
    const answer = await registerAs(
      family.token,
      sessions.map((s) => ({ session: s.id, child })),
    )
    const outcomes = answer.json.results.map((r: { status?: string; error?: string }) => r.status ?? r.error)
    expect(outcomes.filter((o: string) => o === 'confirmed')).toHaveLength(2)
    expect(outcomes.filter((o: string) => o === 'cap_reached')).toHaveLength(1)
    const { wave: other } = await createWave(ctx.payload, { perChildCap: 1 })
    const elsewhere = await createHolidaySession(ctx.payload, other.id, { capacity: 5 })
    expect((await registerAs(family.token, [{ session: elsewhere.id, child }])).json.results[0].status).toBe(
      'confirmed',
    )
  })

  it('refuses a child outside the grade range', async () => {
    const { wave } = await createWave(ctx.payload)
    const s = await createHolidaySession(ctx.payload, wave.id, { capacity: 5, gradeFrom: '四年级', gradeTo: '六年级' })
    const family = await createHousehold(ctx.payload, 1) // 一年级
    const answer = await registerAs(family.token, [{ session: s.id, child: family.children[0]?.id as number }])
    expect(answer.json.results[0].error).toBe('grade_mismatch')
  })
})

describe('mine and cancel', () => {
  it('lists only the household’s own registrations; cancelling moves the waitlist up in order and tells that household', async () => {
    const logged = vi.spyOn(ctx.payload.logger, 'info')
    const { wave } = await createWave(ctx.payload)
    const s = await createHolidaySession(ctx.payload, wave.id, { capacity: 1, waitlistSize: 2 })
    type Family = Awaited<ReturnType<typeof createHousehold>>
    const [a, b, c] = (await Promise.all([1, 2, 3].map(() => createHousehold(ctx.payload, 1)))) as [
      Family,
      Family,
      Family,
    ]
    for (const f of [a, b, c]) await registerAs(f.token, [{ session: s.id, child: f.children[0]?.id as number }])
    const mineA = await api('GET', '/api/holiday-registrations/mine', undefined, { headers: bearer(a.token) })
    expect(mineA.status).toBe(200)
    expect(mineA.json.registrations).toHaveLength(1)
    const [own] = mineA.json.registrations
    expect(own).toMatchObject({ status: 'confirmed', cancellable: true, child: { name: '测试孩子1' } })
    expect(own.session.days).toHaveLength(1)
    expect(JSON.stringify(mineA.json)).not.toContain(String(b.household.phone))
    // Another household cannot cancel it.
    const stranger = await api(
      'POST',
      '/api/holiday-registrations/cancel',
      { code: own.code },
      {
        headers: bearer(b.token),
      },
    )
    expect(stranger.status).toBe(404)
    const cancelled = await api(
      'POST',
      '/api/holiday-registrations/cancel',
      { code: own.code },
      {
        headers: bearer(a.token),
      },
    )
    expect(cancelled.status).toBe(200)
    expect(cancelled.json.registration.status).toBe('cancelled')
    const mineB = await api('GET', '/api/holiday-registrations/mine', undefined, { headers: bearer(b.token) })
    const mineC = await api('GET', '/api/holiday-registrations/mine', undefined, { headers: bearer(c.token) })
    expect(mineB.json.registrations[0].status).toBe('confirmed')
    expect(mineC.json.registrations[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    expect([(await session(s.id)).confirmedCount, (await session(s.id)).waitlistedCount]).toEqual([1, 1])
    // The cancellation sends the promoted household its message right away (to the log here: no SMS provider).
    const toldPhones = () =>
      logged.mock.calls
        .map(([entry]) => String((entry as { msg?: string })?.msg ?? ''))
        .filter((m) => m.includes('SMS'))
    await vi.waitFor(() =>
      expect(toldPhones().some((m) => m.includes(maskPhone(String(b.household.phone))))).toBe(true),
    )
    expect(toldPhones().some((m) => m.includes(maskPhone(String(c.household.phone))))).toBe(false)
    const promoted = await ctx.payload.find({
      collection: 'holiday-registrations',
      where: { household: { equals: b.household.id } },
      overrideAccess: true,
    })
    expect(promoted.docs[0]?.householdToldAt).toBeTruthy()
    logged.mockRestore()
  })

  it('tells a promoted household once, with its code, and again on the next run when the SMS provider failed', async () => {
    const { wave } = await createWave(ctx.payload)
    const s = await createHolidaySession(ctx.payload, wave.id, { capacity: 1, waitlistSize: 1 })
    const [first, next] = [await createHousehold(ctx.payload, 1), await createHousehold(ctx.payload, 1)]
    const seat = await registerAs(first.token, [{ session: s.id, child: first.children[0]?.id as number }])
    const waiting = await registerAs(next.token, [{ session: s.id, child: next.children[0]?.id as number }])
    expect(waiting.json.results[0].status).toBe('waitlisted')
    // Cancelled in the store itself: no request, so nothing is sent until the job runs.
    await holidayStore(ctx.payload).cancelByHousehold(seat.json.results[0].code, first.household.id, new Date())

    const down: SmsSender = {
      channel: 'down',
      send: async () => {
        throw new Error('provider unreachable')
      },
    }
    expect(await tellHouseholdsOfChanges(ctx.payload, down)).toBe(0)
    const sent: { phone: string; text: string; template?: SmsTemplate }[] = []
    const up: SmsSender = {
      channel: 'up',
      send: async (phone, text, template) => void sent.push({ phone, text, template }),
    }
    expect(await tellHouseholdsOfChanges(ctx.payload, up)).toBe(1)
    expect(await tellHouseholdsOfChanges(ctx.payload, up)).toBe(0)
    expect(sent).toHaveLength(1)
    expect(sent[0]?.phone).toBe(next.household.phone)
    expect(sent[0]?.text).toContain(`“${s.title}”已有空位，现已转为正式报名`)
    expect(sent[0]?.text).toContain(waiting.json.results[0].code)
    expect(sent[0]?.template).toMatchObject({
      name: 'promoted',
      params: { course: s.title, code: waiting.json.results[0].code },
    })
    // A child's name is never in a message under the federation's signature.
    expect(sent[0]?.text).not.toContain('测试孩子')
  })

  it('cancels every registration of a session staff cancel, and tells each household once', async () => {
    const logged = vi.spyOn(ctx.payload.logger, 'info')
    const { wave } = await createWave(ctx.payload)
    const s = await createHolidaySession(ctx.payload, wave.id, { capacity: 1, waitlistSize: 1 })
    const [seated, waiting] = [await createHousehold(ctx.payload, 1), await createHousehold(ctx.payload, 1)]
    for (const f of [seated, waiting])
      await registerAs(f.token, [{ session: s.id, child: f.children[0]?.id as number }])

    await ctx.payload.update({ collection: 'holiday-sessions', id: s.id, data: { status: 'cancelled' } })
    const mine = await api('GET', '/api/holiday-registrations/mine', undefined, { headers: bearer(waiting.token) })
    expect(mine.json.registrations[0]).toMatchObject({ status: 'cancelled', session: { status: 'cancelled' } })
    const stored = await ctx.payload.find({
      collection: 'holiday-registrations',
      where: { session: { equals: s.id } },
      overrideAccess: true,
    })
    expect(stored.docs.map((r) => [r.status, r.cancelReason])).toEqual([
      ['cancelled', '活动已取消'],
      ['cancelled', '活动已取消'],
    ])
    expect([(await session(s.id)).confirmedCount, (await session(s.id)).waitlistedCount]).toEqual([0, 0])
    // Both households hear of it right after the save (to the log here), and only once.
    const told = (phone: unknown) =>
      logged.mock.calls.filter(([entry]) => String((entry as { msg?: string })?.msg).includes(maskPhone(String(phone))))
    await vi.waitFor(() => {
      expect(told(seated.household.phone)).toHaveLength(1)
      expect(told(waiting.household.phone)).toHaveLength(1)
    })
    expect(await tellHouseholdsOfChanges(ctx.payload)).toBe(0)
    logged.mockRestore()
  })

  it('refuses cancelling a confirmed seat after the deadline', async () => {
    const { wave } = await createWave(ctx.payload, { cancellationHoursBefore: 24 * 13 }) // the session starts in 10 days
    const s = await createHolidaySession(ctx.payload, wave.id, { capacity: 1 })
    const f = await createHousehold(ctx.payload, 1)
    const r = await registerAs(f.token, [{ session: s.id, child: f.children[0]?.id as number }])
    const answer = await api(
      'POST',
      '/api/holiday-registrations/cancel',
      { code: r.json.results[0].code },
      {
        headers: bearer(f.token),
      },
    )
    expect(answer.status).toBe(409)
    expect(answer.json.error.code).toBe('deadline_passed')
  })

  it('keeps registrations and attendance out of public reads', async () => {
    expect((await api('GET', '/api/holiday-registrations')).status).toBe(403)
    expect((await api('GET', '/api/holiday-attendance')).status).toBe(403)
    expect((await api('GET', '/api/children')).status).toBe(403)
  })
})

describe('daily attendance', () => {
  it('staff check a child in on day 2 of a week-long session by code, tick, mark absent and export', async () => {
    const { wave } = await createWave(ctx.payload)
    const s = await createHolidaySession(ctx.payload, wave.id, { capacity: 5, days: 5 })
    const f = await createHousehold(ctx.payload, 2)
    const r = await registerAs(
      f.token,
      f.children.map((c) => ({ session: s.id, child: c.id })),
    )
    const [first, second] = r.json.results
    const day2 = s.days[1]?.date as string
    const base = `/api/holiday-sessions/${s.id}`

    const byCode = await api(
      'POST',
      `${base}/check-in`,
      { day: day2, code: first.code.toLowerCase() },
      {
        headers: coordinator,
      },
    )
    expect(byCode.status).toBe(200)
    expect(byCode.json.checkedIn).toMatchObject({ code: first.code, mark: 'present', childName: '测试孩子1' })
    const absent = await api(
      'POST',
      `${base}/attendance`,
      { day: day2, registration: second ? await idOf(second.code) : 0, status: 'absent' },
      { headers: coordinator },
    )
    expect(absent.status).toBe(200)

    const roster = await api('GET', `${base}/day-roster?day=${day2}`, undefined, { headers: coordinator })
    expect(roster.json.rows.map((row: { mark: string }) => row.mark)).toEqual(['present', 'absent'])
    expect(roster.json.rows[0].contactPhone).toBe('139****1111')
    expect(roster.json.rows[0].householdPhone).toMatch(/^\d{3}\*{4}\d{4}$/)
    expect(roster.json.visits).toEqual([{ day: day2, present: 1, absent: 1 }])
    const day1 = await api('GET', `${base}/day-roster?day=${s.days[0]?.date}`, undefined, { headers: coordinator })
    expect(day1.json.rows.map((row: { mark: string }) => row.mark)).toEqual(['none', 'none'])

    // Undo the tick; checking in twice keeps one row per child and day.
    await api('POST', `${base}/check-in`, { day: day2, code: first.code }, { headers: coordinator })
    const visits = await ctx.payload.count({ collection: 'holiday-attendance', where: { session: { equals: s.id } } })
    expect(visits.totalDocs).toBe(2)

    const csv = await api('GET', `${base}/day-roster.csv?day=${day2}&contacts=full`, undefined, {
      headers: coordinator,
    })
    expect(csv.status).toBe(200)
    expect(csv.text).toContain('13900001111')
    expect(csv.text).toContain('已签到')
    const xlsx = await fetchXlsx(`${base}/day-roster.xlsx?day=${day2}`)
    expect(xlsx).toContain('139****1111')

    // Not a day of the session; a code of another session; no staff.
    const notDay = await api(
      'POST',
      `${base}/check-in`,
      { day: '2020-01-01', code: first.code },
      { headers: coordinator },
    )
    expect(notDay.status).toBe(409)
    const wrong = await api('POST', `${base}/check-in`, { day: day2, code: 'ZZZZZZZZ' }, { headers: coordinator })
    expect(wrong.status).toBe(404)
    expect((await api('GET', `${base}/day-roster?day=${day2}`)).status).toBe(403)
  })

  it('retention removes the children from registrations of long-ended sessions and keeps the counts', async () => {
    const { wave } = await createWave(ctx.payload)
    const s = await createHolidaySession(ctx.payload, wave.id, { capacity: 5, days: 2 })
    const f = await createHousehold(ctx.payload, 1)
    const r = await registerAs(f.token, [{ session: s.id, child: f.children[0]?.id as number }])
    await api(
      'POST',
      `/api/holiday-sessions/${s.id}/check-in`,
      { day: s.days[0]?.date, code: r.json.results[0].code },
      {
        headers: coordinator,
      },
    )
    await purgePersonalData(ctx.payload, new Date(Date.now() + 800 * DAY))
    const [stored] = (
      await ctx.payload.find({ collection: 'holiday-registrations', where: { session: { equals: s.id } }, depth: 0 })
    ).docs
    expect(stored?.child ?? null).toBeNull()
    expect(stored?.household ?? null).toBeNull()
    expect(stored?.anonymisedAt).toBeTruthy()
    expect((await session(s.id)).confirmedCount).toBe(1)
    expect(
      (await ctx.payload.count({ collection: 'holiday-attendance', where: { session: { equals: s.id } } })).totalDocs,
    ).toBe(1)
  })
})

async function idOf(code: string) {
  const { docs } = await ctx.payload.find({ collection: 'holiday-registrations', where: { code: { equals: code } } })
  return docs[0]?.id as number
}

async function fetchXlsx(path: string) {
  const { default: config } = await import('@payload-config')
  const { handleEndpoints } = await import('payload')
  const response = await handleEndpoints({
    config,
    request: new Request(`http://localhost${path}`, { headers: coordinator }),
  })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never)
  const values: string[] = []
  workbook.worksheets[0]?.eachRow((row) => values.push(JSON.stringify(row.values)))
  return values.join('\n')
}
