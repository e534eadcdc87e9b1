/** The federation's mark as on the site's favicon (site/public/favicon.svg): a white heart on a red tile. */
export const MARK_RED = '#a61d24'
export const MARK_VIEWBOX = '0 0 32 32'
export const MARK_HEART = 'M16 25s-9-5.4-9-11.2A4.8 4.8 0 0 1 16 11a4.8 4.8 0 0 1 9 2.8C25 19.6 16 25 16 25z'

const markSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${MARK_VIEWBOX}"><rect width="32" height="32" rx="6" fill="${MARK_RED}"/><path d="${MARK_HEART}" fill="#fff"/></svg>`

/** The mark as the admin's favicon, inline so it needs no route of its own (and works wherever the admin runs). */
export const markIconUrl = `data:image/svg+xml,${encodeURIComponent(markSvg)}`
