/** Communities by street and interaction modes, fetched once per page (they are staff-maintained data). */
import { useEffect, useState } from 'react'
import { api } from '../api.ts'
import type { OrderOptions } from './orderForm.ts'

let cached: Promise<OrderOptions | null> | undefined

export function loadOrderOptions(): Promise<OrderOptions | null> {
  cached ??= api<OrderOptions>('GET', '/api/course-orders/options').then((r) => {
    if (r.ok) return r.data
    cached = undefined
    return null
  })
  return cached
}

/** The options, null while loading, or `failed` when they could not be fetched. */
export function useOrderOptions(enabled = true): OrderOptions | null | 'failed' {
  const [options, setOptions] = useState<OrderOptions | null | 'failed'>(null)
  useEffect(() => {
    if (!enabled) return
    let live = true
    loadOrderOptions().then((o) => live && setOptions(o ?? 'failed'))
    return () => {
      live = false
    }
  }, [enabled])
  return options
}

export const communitiesOf = (options: OrderOptions | null | 'failed', street: string) =>
  options && options !== 'failed' ? options.communities.filter((c) => c.street === street) : []
