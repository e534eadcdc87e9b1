/** Splits a list into numbered pages for static paths: page 1 at the bare URL, then 2, 3 … */
export const PER_PAGE = 12

export function pages<T>(items: T[], perPage = PER_PAGE) {
  const last = Math.max(1, Math.ceil(items.length / perPage))
  return Array.from({ length: last }, (_, i) => ({
    current: i + 1,
    last,
    items: items.slice(i * perPage, (i + 1) * perPage),
    total: items.length,
  }))
}

/** The `[...page]` route param: undefined for page 1, else the page number. */
export const pageParam = (n: number) => (n === 1 ? undefined : String(n))
