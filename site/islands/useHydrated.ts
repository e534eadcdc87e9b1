import { useEffect, useState } from 'react'

/**
 * False in the HTML rendered at build time, true once the island runs: forms stay disabled until then, so
 * nothing typed into them before hydration is silently dropped.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}
