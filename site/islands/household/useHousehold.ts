import { useEffect, useState } from 'react'
import {
  currentHousehold,
  type HouseholdState,
  householdApi,
  refresh,
  restoreToken,
  signOut,
  subscribe,
} from './householdState.ts'

export type Household = HouseholdState & {
  refresh: () => Promise<void>
  signOut: () => void
  api: typeof householdApi
}

/**
 * The verified household, the same in every island of the page: a token kept from an earlier visit is restored
 * and its children fetched on first use; verifying (VerifyPhone) or adding a child updates every user of it.
 */
export function useHousehold(): Household {
  const [state, setState] = useState(currentHousehold)
  useEffect(() => {
    const unsubscribe = subscribe(setState)
    restoreToken()
    const now = currentHousehold()
    setState(now)
    if (now.token && !now.children && !now.loading) void refresh()
    return unsubscribe
  }, [])
  return { ...state, refresh, signOut, api: householdApi }
}
