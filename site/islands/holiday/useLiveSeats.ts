/**
 * Live seats and the server's clock for a 无忧假期 island: seats asked on hydration, again every half minute while
 * the page is visible, a moment after an opening is reached (spread over two seconds), and when the page comes back into view (WeChat keeps
 * pages in the background for hours: the clock is measured afresh then, the phone's own may have changed).
 * `now` is the server's time, re-rendered on the server's second while a countdown runs.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { nextTickDelay, ServerClock } from './clock.ts'
import { fetchSeats, type Seats } from './holidayApi.ts'

const REFRESH_MS = 30_000

export function useLiveSeats(ids: string[], openings: number[]) {
  const clock = useMemo(() => new ServerClock(), [])
  const [seats, setSeats] = useState<Record<string, Seats>>({})
  const [failed, setFailed] = useState(false)
  const [now, setNow] = useState(() => clock.now())
  const key = ids.join(',')
  const idsRef = useRef(ids)
  idsRef.current = ids

  const refresh = async () => {
    if (idsRef.current.length === 0) return
    const result = await fetchSeats({ ids: idsRef.current }, clock)
    if (!result.ok) {
      setFailed(true)
      return
    }
    setFailed(false)
    setSeats((old) => ({ ...old, ...Object.fromEntries(result.data.map((s) => [s.id, s])) }))
    setNow(clock.now())
  }

  // Seats: now, periodically while visible, and on coming back.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh reads the ids through a ref
  useEffect(() => {
    void refresh()
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh()
    }, REFRESH_MS)
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return
      clock.reset()
      void refresh()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [key])

  // The countdown: ticks on the server's second until the next opening, then asks for seats at once.
  const nextOpening = openings.filter((t) => t > now).sort((a, b) => a - b)[0]
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-armed on every tick through `now`
  useEffect(() => {
    if (nextOpening === undefined) return
    const timer = setTimeout(
      () => {
        const t = clock.now()
        setNow(t)
        // Not all at once on the opening second: that second belongs to the registrations themselves.
        if (t >= nextOpening) setTimeout(() => void refresh(), 1000 + Math.random() * 2000)
      },
      Math.max(0, nextTickDelay(nextOpening, clock.now())),
    )
    return () => clearTimeout(timer)
  }, [now, nextOpening])

  return { clock, seats, failed, now, refresh }
}
