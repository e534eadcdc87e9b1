/** Small helpers the two booking islands share. Times are Asia/Shanghai, as on the rest of the site. */
import { formatDateTime, formatWeekday } from '../../common/dates.ts'

/** "2026年11月23日（周一）14:30–16:00"; both ends in full when the session runs past midnight. */
export function sessionTime(startsAt: string, endsAt?: string | null): string {
  const [day, time] = splitDateTime(startsAt)
  const head = `${day}（${formatWeekday(startsAt)}）${time}`
  if (!endsAt) return head
  const [endDay, endTime] = splitDateTime(endsAt)
  return endDay === day ? `${head}–${endTime}` : `${head} 至 ${endDay} ${endTime}`
}

function splitDateTime(value: string): [string, string] {
  const text = formatDateTime(value)
  const at = text.lastIndexOf(' ')
  return [text.slice(0, at), text.slice(at + 1)]
}

export { formatDateTime }

/**
 * Copies text: the async Clipboard API where the page may use it, else a selected textarea and
 * execCommand('copy') (older WebViews, WeChat). Resolves to false when neither worked.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // fall through to the textarea
  }
  const active = document.activeElement as HTMLElement | null
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;'
  document.body.appendChild(area)
  area.select()
  area.setSelectionRange(0, text.length)
  let copied = false
  try {
    copied = document.execCommand('copy')
  } catch {
    copied = false
  }
  document.body.removeChild(area)
  active?.focus()
  return copied
}

/**
 * Focuses an element once it is on screen (after the render that adds it) and scrolls it into view together with
 * what names it: a form field's whole block (label, hint, error), not the bare input against the top edge (the
 * room above comes from scroll-margin-top in booking.css).
 */
export function focusLater(get: () => HTMLElement | null | undefined) {
  requestAnimationFrame(() => {
    const el = get()
    if (!el) return
    el.focus({ preventScroll: true })
    const block = el.closest<HTMLElement>('.bk-field, .bk-group, .bk-consent') ?? el
    if (typeof block.scrollIntoView === 'function') block.scrollIntoView({ block: 'start', behavior: 'smooth' })
  })
}
