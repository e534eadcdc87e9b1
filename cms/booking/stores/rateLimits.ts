/** Request budgets counted per key (client address, phone) in fixed windows shared by all processes. */
export type RateLimit = { keys: { key: string; limit: number }[]; windowSeconds: number }

/** Fixed-window request counters shared by every server process. */
export interface RateLimitStore {
  /** Counts one request against each key in the current window; false once any key is over its limit. */
  hit(rateLimit: RateLimit, now: Date): Promise<boolean>
  /** Deletes the counters of windows that started before `before`; returns how many. */
  forget(before: Date): Promise<number>
}

/** The start of the window `now` falls in, as stored (ISO text, so both databases compare it the same way). */
export const windowStartOf = (now: Date, windowSeconds: number) => {
  const windowMs = windowSeconds * 1000
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString()
}

/** Whether every key is still within its limit, given each key's count after this request. */
export const withinLimits = (keys: RateLimit['keys'], counts: Map<string, number>) =>
  keys.every((k) => (counts.get(k.key) ?? 0) <= k.limit)
