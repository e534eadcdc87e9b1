/**
 * Sessions a parent picked on a programme page to register for together, kept in sessionStorage (this tab,
 * until it is closed) per wave: the session page's island offers them beside its own session.
 */

const KEY = 'fujia.holiday.picks'

type Store = Pick<Storage, 'getItem' | 'setItem'>
type Picks = Record<string, string[]>

const storage = (): Store | undefined => {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage
  } catch {
    return undefined // storage blocked (private mode in some browsers)
  }
}

function readAll(store: Store | undefined): Picks {
  try {
    const parsed = JSON.parse(store?.getItem(KEY) ?? '{}') as unknown
    if (!parsed || typeof parsed !== 'object') return {}
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>)
        .filter(([, v]) => Array.isArray(v))
        .map(([k, v]) => [k, (v as unknown[]).map(String)]),
    )
  } catch {
    return {}
  }
}

/** The sessions picked in a wave. */
export const readPicks = (wave: string, store: Store | undefined = storage()): string[] => readAll(store)[wave] ?? []

/** Adds or removes a session; returns the wave's picks after the change. */
export function togglePick(wave: string, session: string, store: Store | undefined = storage()): string[] {
  const all = readAll(store)
  const current = all[wave] ?? []
  const next = current.includes(session) ? current.filter((s) => s !== session) : [...current, session]
  all[wave] = next
  try {
    store?.setItem(KEY, JSON.stringify(all))
  } catch {
    // full or blocked: the picks last for this page only
  }
  return next
}
