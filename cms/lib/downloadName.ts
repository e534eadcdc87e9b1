import { TIMEZONE } from '../../common/i18n.ts'

// en-CA writes dates as 2026-12-16.
const isoDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIMEZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** Characters Windows and macOS refuse in file names, and control characters. */
const unsafeInFileName = /[\\/:*?"<>|\p{Cc}]+/gu

/** "名单-家风家训润童心-2026-12-16.csv": what a coordinator finds in their downloads folder, dated in Beijing time. */
export function rosterFileName(courseTitle: string, startsAt: string, extension: string): string {
  const course = courseTitle.replace(unsafeInFileName, '_').trim() || '课程'
  return `名单-${course}-${isoDate.format(new Date(startsAt))}.${extension}`
}

/**
 * A Content-Disposition for a download with a Chinese name: `filename*` carries it in UTF-8 (RFC 6266/8187) and
 * `filename` an ASCII name for clients that read only that.
 */
export const attachment = (name: string, asciiFallback: string): string =>
  `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(name)}`
