/**
 * The server's clock as the islands see it. A phone's clock may be minutes off; the registration opens on the
 * server's second, so every countdown and the moment a registration is sent are computed from the server's time:
 * the offset between the two clocks is measured from the API's answers (their `serverTime`), corrected for the
 * round trip, and the best (shortest round trip) measurement wins. Pure functions and a small class over an
 * injected local clock, so the logic is tested without waiting or changing the machine's time.
 */

/** One measurement: the local clock when the request left and when its answer arrived, and the server's time in it. */
export type ClockSample = { sentAt: number; receivedAt: number; serverTime: number }

/** Milliseconds since the epoch from what the API writes: an ISO time, a number, or an HTTP date. */
export function parseServerTime(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value !== 'string' || !value.trim()) return undefined
  const text = value.trim()
  if (/^\d{10,}$/.test(text)) return Number(text)
  const parsed = Date.parse(text)
  return Number.isNaN(parsed) ? undefined : parsed
}

/**
 * The offset to add to the local clock to read the server's, from one sample. The server wrote its time somewhere
 * within the round trip; taking the middle bounds the error by half the round trip.
 */
export function sampleOffset(sample: ClockSample): { offset: number; roundTrip: number } {
  const roundTrip = Math.max(0, sample.receivedAt - sample.sentAt)
  return { offset: sample.serverTime + roundTrip / 2 - sample.receivedAt, roundTrip }
}

/** Samples older than this are not trusted over newer ones (the phone's clock may have been changed since). */
const SAMPLE_TTL_MS = 10 * 60_000
const MAX_SAMPLES = 8

export class ServerClock {
  private samples: ClockSample[] = []
  private readonly local: () => number

  constructor(local: () => number = () => Date.now()) {
    this.local = local
  }

  /** The local clock, as the samples are measured on it. */
  localNow(): number {
    return this.local()
  }

  /** Adds a measurement; returns false when it cannot be one (no server time). */
  add(sample: ClockSample): boolean {
    if (!Number.isFinite(sample.serverTime) || sample.receivedAt < sample.sentAt) return false
    this.samples = [...this.samples, sample].slice(-MAX_SAMPLES)
    return true
  }

  /** Forgets the measurements (the page came back after a while: the phone's clock may have jumped). */
  reset(): void {
    this.samples = []
  }

  get synced(): boolean {
    return this.samples.length > 0
  }

  /** The offset from the most precise recent sample (0 until one arrives: the phone's own clock is all there is). */
  get offset(): number {
    const now = this.local()
    const recent = this.samples.filter((s) => now - s.receivedAt <= SAMPLE_TTL_MS)
    const pool = recent.length > 0 ? recent : this.samples.slice(-1)
    let best: { offset: number; roundTrip: number } | undefined
    for (const sample of pool) {
      const measured = sampleOffset(sample)
      if (!best || measured.roundTrip < best.roundTrip) best = measured
    }
    return best ? Math.round(best.offset) : 0
  }

  /** The server's time now, in milliseconds since the epoch. */
  now(): number {
    return this.local() + this.offset
  }

  /** Milliseconds until the server's clock reaches `target` (≤ 0 once it has). */
  until(target: number): number {
    return target - this.now()
  }
}

export type Countdown = {
  /** The server's clock has reached the target. */
  done: boolean
  /** Whole seconds left, rounded up: the display reaches 0 exactly when the target is reached. */
  totalSeconds: number
  days: number
  hours: number
  minutes: number
  seconds: number
}

export function countdown(target: number, serverNow: number): Countdown {
  const left = target - serverNow
  const totalSeconds = left > 0 ? Math.ceil(left / 1000) : 0
  return {
    done: left <= 0,
    totalSeconds,
    days: Math.floor(totalSeconds / 86_400),
    hours: Math.floor((totalSeconds % 86_400) / 3600),
    minutes: Math.floor((totalSeconds % 3600) / 60),
    seconds: totalSeconds % 60,
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** "2天 03:04:05", "03:04:05", "00:00:09" — what the countdown shows. */
export function countdownText(c: Countdown): string {
  const clock = `${pad(c.hours)}:${pad(c.minutes)}:${pad(c.seconds)}`
  return c.days > 0 ? `${c.days}天 ${clock}` : clock
}

/**
 * How long to wait before the next tick: to the next whole second of the countdown, and exactly to the target
 * when it is within that second, so the display changes (and a registration is sent) on the server's second.
 */
export function nextTickDelay(target: number, serverNow: number): number {
  const left = target - serverNow
  if (left <= 0) return 0
  const intoSecond = left % 1000
  return intoSecond === 0 ? 1000 : intoSecond
}
