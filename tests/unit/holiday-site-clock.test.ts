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
