import { describe, expect, it } from 'vitest'
import {
  countdown,
  countdownText,
  nextTickDelay,
  parseServerTime,
  ServerClock,
  sampleOffset,
} from '../../site/islands/holiday/clock.ts'

const opening = Date.parse('2026-01-10T02:00:00Z') // 10:00:00 in Shanghai
const FIVE_MIN = 5 * 60_000

/** A phone whose clock runs `skew` ms ahead of the server's; `server` is the true time. */
function phone(skew: number) {
  let server = opening - 30_000
  return {
    local: () => server + skew,
    advance: (ms: number) => {
      server += ms
    },
    get server() {
      return server
    },
  }
}

/** One API call as the island makes it: sent, the server writes its time after `up` ms, answered `down` ms later. */
function measure(clock: ServerClock, p: ReturnType<typeof phone>, up: number, down: number) {
  const sentAt = p.local()
  p.advance(up)
  const serverTime = p.server
  p.advance(down)
  clock.add({ sentAt, receivedAt: p.local(), serverTime })
}

describe('server clock', () => {
  it('a phone 5 minutes fast shows the server’s second, not its own', () => {
    const p = phone(FIVE_MIN)
    const clock = new ServerClock(p.local)
    measure(clock, p, 40, 40)
    expect(Math.abs(clock.now() - p.server)).toBeLessThanOrEqual(1)
    // 12.3 s before the opening on the server: the countdown says 13 s, not 0 (which the phone's own clock would say).
    p.advance(opening - 12_300 - p.server)
    expect(countdown(opening, clock.now())).toMatchObject({ done: false, totalSeconds: 13 })
    expect(countdown(opening, p.local()).done).toBe(true)
    // It reaches zero exactly when the server's clock reaches the opening.
    p.advance(12_299)
    expect(countdown(opening, clock.now()).done).toBe(false)
    p.advance(1)
    expect(countdown(opening, clock.now()).done).toBe(true)
  })

  it('a phone 5 minutes slow does not wait 5 minutes more', () => {
    const p = phone(-FIVE_MIN)
    const clock = new ServerClock(p.local)
    measure(clock, p, 25, 25)
    p.advance(opening - p.server)
    expect(clock.until(opening)).toBe(0)
    expect(countdown(opening, p.local()).totalSeconds).toBe(300)
  })

  it('corrects for the round trip and prefers the shortest one', () => {
    expect(sampleOffset({ sentAt: 1000, receivedAt: 1200, serverTime: 5100 })).toEqual({ offset: 4000, roundTrip: 200 })
    const p = phone(FIVE_MIN)
    const clock = new ServerClock(p.local)
    // A slow, lopsided answer (the server wrote its time right away, the answer took 2 s): 1 s off on its own.
    measure(clock, p, 0, 2000)
    expect(Math.abs(clock.now() - p.server)).toBeGreaterThanOrEqual(900)
    // A quick one then wins.
    measure(clock, p, 10, 10)
    expect(Math.abs(clock.now() - p.server)).toBeLessThanOrEqual(1)
  })

  it('uses the phone’s clock until a measurement arrives, and after a reset', () => {
    const p = phone(FIVE_MIN)
    const clock = new ServerClock(p.local)
    expect(clock.synced).toBe(false)
    expect(clock.now()).toBe(p.local())
    expect(clock.add({ sentAt: 1, receivedAt: 2, serverTime: Number.NaN })).toBe(false)
    measure(clock, p, 5, 5)
    expect(clock.synced).toBe(true)
    clock.reset()
    expect(clock.now()).toBe(p.local())
  })

  it('trusts a recent measurement over an old one with a shorter round trip (the phone clock was changed)', () => {
    const p = phone(0)
    let skew = 0
    const local = () => p.local() + skew
    const clock = new ServerClock(local)
    const sentAt = local()
    clock.add({ sentAt, receivedAt: sentAt + 2, serverTime: p.server + 1 })
    p.advance(11 * 60_000)
    skew = 60_000 // the user sets the phone a minute ahead
    const sent = local()
    clock.add({ sentAt: sent, receivedAt: sent + 100, serverTime: p.server + 50 })
    expect(Math.abs(clock.now() - p.server)).toBeLessThanOrEqual(100)
  })

  it('reads the server time as ISO, number or HTTP date', () => {
    expect(parseServerTime('2026-01-10T02:00:00.000Z')).toBe(opening)
    expect(parseServerTime(opening)).toBe(opening)
    expect(parseServerTime(String(opening))).toBe(opening)
    expect(parseServerTime('Sat, 10 Jan 2026 02:00:00 GMT')).toBe(opening)
    expect(parseServerTime('soon')).toBeUndefined()
    expect(parseServerTime(null)).toBeUndefined()
  })
})

describe('countdown', () => {
  it('splits the time left and rounds up to the whole second', () => {
    const c = countdown(opening, opening - (2 * 86_400_000 + 3 * 3_600_000 + 4 * 60_000 + 4_001))
    expect(c).toMatchObject({ days: 2, hours: 3, minutes: 4, seconds: 5, done: false })
    expect(countdownText(c)).toBe('2天 03:04:05')
    expect(countdownText(countdown(opening, opening - 9_000))).toBe('00:00:09')
    expect(countdown(opening, opening + 5)).toMatchObject({ done: true, totalSeconds: 0 })
  })

  it('ticks on the server’s second, and exactly at the opening', () => {
    expect(nextTickDelay(opening, opening - 2_300)).toBe(300)
    expect(nextTickDelay(opening, opening - 2_000)).toBe(1000)
    expect(nextTickDelay(opening, opening - 120)).toBe(120)
    expect(nextTickDelay(opening, opening)).toBe(0)
  })
})

describe('registration plan and button', () => {
  it('puts each chosen child in each chosen session that admits its grade', async () => {
    const { planItems } = await import('../../site/islands/holiday/registration.ts')
    const children = [
      { id: '1', name: '小明', grade: '二年级' },
      { id: '2', name: '小红', grade: '五年级' },
    ]
    const sessions = [
      { id: '10', code: 'A', title: 'A', gradeFrom: '一年级', gradeTo: '六年级' },
      { id: '11', code: 'B', title: 'B', gradeFrom: '四年级', gradeTo: '初一' },
    ]
    expect(planItems(children, sessions)).toEqual({
      items: [
        { session: '10', child: '1' },
        { session: '10', child: '2' },
        { session: '11', child: '2' },
      ],
      skipped: [{ session: '11', child: '1' }],
    })
  })

  it('arms before the opening, sends from the opening second, stops at the close', async () => {
    const { buttonMode, isTooEarly } = await import('../../site/islands/holiday/registration.ts')
    expect(buttonMode(opening - 1, opening, undefined, false)).toBe('arm')
    expect(buttonMode(opening - 1, opening, undefined, true)).toBe('armed')
    expect(buttonMode(opening, opening, undefined, true)).toBe('send')
    expect(buttonMode(opening + 10, opening, opening + 10, false)).toBe('closed')
    expect(isTooEarly('not_open')).toBe(true)
    expect(isTooEarly('full')).toBe(false)
  })
})

describe('registration sending', () => {
  it('sends again with the same idempotency key and token until a definitive answer', async () => {
    const { register, registerUntilAnswered } = await import('../../site/islands/holiday/holidayApi.ts')
    const sent: { key: string; auth: string | null }[] = []
    const replies = [
      () => Promise.reject(new TypeError('network down')),
      () => Promise.resolve(Response.json({ error: { code: 'server_error', message: '忙' } }, { status: 503 })),
      () =>
        Promise.resolve(
          Response.json({
            results: [
              { session: 1, child: 2, status: 'confirmed', code: 'HK7Q' },
              { session: 1, child: 3, error: 'full', message: '名额已满' },
            ],
          }),
        ),
    ]
    const realFetch = globalThis.fetch
    globalThis.fetch = (async (_url: string, init: RequestInit) => {
      sent.push({
        key: JSON.parse(String(init.body)).idempotencyKey,
        auth: new Headers(init.headers).get('authorization'),
      })
      return (replies[sent.length - 1] as () => Promise<Response>)()
    }) as typeof fetch
    try {
      const items = [
        { session: '1', child: '2' },
        { session: '1', child: '3' },
      ]
      const result = await registerUntilAnswered(() => register('tok', 'hk-abc', items), {
        wait: async () => undefined,
      })
      expect(sent).toEqual([
        { key: 'hk-abc', auth: 'Bearer tok' },
        { key: 'hk-abc', auth: 'Bearer tok' },
        { key: 'hk-abc', auth: 'Bearer tok' },
      ])
      expect(result).toMatchObject({
        ok: true,
        data: [
          { session: '1', child: '2', status: 'confirmed', code: 'HK7Q' },
          { session: '1', child: '3', error: 'full', message: '名额已满' },
        ],
      })
    } finally {
      globalThis.fetch = realFetch
    }
  })

  it('does not resend a definitive refusal', async () => {
    const { registerUntilAnswered } = await import('../../site/islands/holiday/holidayApi.ts')
    let calls = 0
    const result = await registerUntilAnswered(
      async () => {
        calls++
        return { ok: false, status: 400, error: { code: 'invalid', message: '孩子信息有误' }, retryable: false }
      },
      { wait: async () => undefined },
    )
    expect(calls).toBe(1)
    expect(result.ok).toBe(false)
  })
})

describe('holiday pages: wording and filters', () => {
  const session = (over: Partial<import('../../site/lib/holiday.ts').HolidaySessionInfo>) => ({
    code: 'HJ-001',
    venue: { street: '福田街道' },
    days: [{ date: '2026-01-20', startTime: '09:00', endTime: '11:30' }],
    gradeFrom: '一年级' as const,
    gradeTo: '三年级' as const,
    price: 0,
    ...over,
  })

  it('describes dates, grades and price', async () => {
    const h = await import('../../site/lib/holiday.ts')
    expect(h.scheduleText(session({}).days)).toBe('1月20日（周二） 09:00–11:30')
    const week = ['19', '20', '21', '22', '23'].map((d) => ({
      date: `2026-01-${d}`,
      startTime: '09:00',
      endTime: '11:30',
    }))
    expect(h.scheduleText(week)).toBe('1月19日（周一）至1月23日（周五），共 5 天，每天 09:00–11:30')
    expect(h.scheduleText([week[0], week[2]] as typeof week)).toBe(
      '1月19日（周一） 09:00–11:30；1月21日（周三） 09:00–11:30',
    )
    expect(h.gradeRangeText(session({}))).toBe('一年级至三年级')
    expect(h.priceText(0)).toBe('免费')
    expect(h.priceText(30)).toBe('30 元')
    expect(h.holidaySessionUrl('HJ-001')).toBe('/holiday/sessions/hj-001/')
  })

  it('filters by street, school stage and week, every combination a page', async () => {
    const h = await import('../../site/lib/holiday.ts')
    const a = session({ code: 'A' })
    const b = session({
      code: 'B',
      venue: { street: '香蜜湖街道' },
      gradeFrom: '五年级',
      gradeTo: '初二',
      days: [{ date: '2026-01-27', startTime: '14:00', endTime: '16:00' }],
    })
    const list = [a, b]
    const pick = (f: Partial<import('../../site/lib/holiday.ts').HolidayFilter>) =>
      h.applyHolidayFilter(list, { ...h.NO_HOLIDAY_FILTER, ...f }).map((s) => s.code)
    expect(pick({})).toEqual(['A', 'B'])
    expect(pick({ street: 'xiang-mi-hu' })).toEqual(['B'])
    expect(pick({ age: 'grade-3-4' })).toEqual(['A'])
    expect(pick({ age: 'junior' })).toEqual(['B'])
    expect(pick({ week: '2026-01-19' })).toEqual(['A'])
    expect(pick({ street: 'fu-tian', week: '2026-01-26' })).toEqual([])
    // Streets and weeks that have sessions, all five stages, each with 全部.
    expect(h.allHolidayFilters(list)).toHaveLength(3 * 6 * 3)
    expect(h.holidayFilterUrl('hanjia-2026', { street: 'fu-tian', age: 'all', week: 'all' })).toBe(
      '/holiday/hanjia-2026/filter/fu-tian/all/all/',
    )
    const rows = h.holidayChipRows('hanjia-2026', list, { ...h.NO_HOLIDAY_FILTER, age: 'junior' })
    expect(rows.map((r) => r.options.find((o) => o.current)?.label)).toEqual(['全部', '初中', '全部'])
    expect(h.describeHolidayFilter(list, { street: 'fu-tian', age: 'junior', week: '2026-01-26' })).toBe(
      '福田街道 · 初中 · 1月26日起一周',
    )
  })
})

describe('sessions picked on the programme page', () => {
  it('are kept per wave, toggled, and survive broken storage', async () => {
    const { readPicks, togglePick } = await import('../../site/islands/holiday/picks.ts')
    const data = new Map<string, string>()
    const store = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    }
    expect(togglePick('w1', '10', store)).toEqual(['10'])
    expect(togglePick('w1', '11', store)).toEqual(['10', '11'])
    expect(togglePick('w2', '20', store)).toEqual(['20'])
    expect(togglePick('w1', '10', store)).toEqual(['11'])
    expect(readPicks('w1', store)).toEqual(['11'])
    expect(readPicks('w2', store)).toEqual(['20'])
    data.set('fujia.holiday.picks', '{not json')
    expect(readPicks('w1', store)).toEqual([])
    expect(readPicks('w1', undefined)).toEqual([])
  })
})
