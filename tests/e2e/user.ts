/** What every journey spec does as the user: a fresh phone number, and counting taps and typed fields. */
import type { Locator } from '@playwright/test'

/** A fictional mainland mobile number beginning with `prefix` (three digits), new on every call. */
export const newPhone = (prefix: string) => `${prefix}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`

/**
 * Every tap and every typed field of a journey, counted as the user would make them. `press` is how a tap is made;
 * `tapsPerChoice` is what picking from a list costs (opening it and picking one counts 2 where a spec says so).
 */
export function counter({
  press = 'tap',
  tapsPerChoice = 1,
}: {
  press?: 'tap' | 'click'
  tapsPerChoice?: number
} = {}) {
  const count = { taps: 0, typed: 0 }
  return {
    count,
    tap: async (target: Locator) => {
      count.taps++
      await (press === 'tap' ? target.tap() : target.click())
    },
    choose: async (select: Locator, value: string | { label: string }) => {
      count.taps += tapsPerChoice
      await select.selectOption(value)
    },
    type: async (field: Locator, text: string) => {
      count.typed++
      await field.fill(text)
    },
  }
}
