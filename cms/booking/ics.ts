import { siteName } from './siteName.ts'

type CalendarEvent = {
  uid: string
  title: string
  startsAt: string
  endsAt: string
  location: string
  description: string
  url?: string
  /** A waitlist place: the entry must not read as a seat, or parents come to the door. */
  waitlisted?: boolean
}

const WAITLIST_MARK = '【候补】'
const WAITLIST_NOTE = '候补中，尚无名额：有空位时将按顺序自动转为正式报名并短信通知，转正前请勿到场。'

/** "20261123T143000": a wall-clock time in Asia/Shanghai, for DTSTART;TZID=Asia/Shanghai. */
function shanghaiLocal(iso: string): string {
  const local = new Date(Date.parse(iso) + 8 * 60 * 60 * 1000).toISOString()
  return local.slice(0, 19).replace(/[-:]/g, '')
}

const escapeText = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/[,;]/g, (c) => `\\${c}`)

/** Lines longer than 75 octets are folded (RFC 5545 §3.1), without splitting a multi-byte character. */
function fold(line: string): string {
  const out: string[] = []
  let current = ''
  for (const char of line) {
    if (Buffer.byteLength(current + char) > 74) {
      out.push(current)
      current = ` ${char}`
    } else current += char
  }
  return [...out, current].join('\r\n')
}

/** An iCalendar file with the session in Asia/Shanghai (China has had no daylight saving since 1991). */
export function calendarFile(event: CalendarEvent, stamp: Date = new Date()): string {
  const title = event.waitlisted ? `${WAITLIST_MARK}${event.title}` : event.title
  const description = event.waitlisted ? `${WAITLIST_NOTE}\n${event.description}` : event.description
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${siteName}//Fujia//ZH`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Shanghai',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${stamp.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`,
    `DTSTART;TZID=Asia/Shanghai:${shanghaiLocal(event.startsAt)}`,
    `DTEND;TZID=Asia/Shanghai:${shanghaiLocal(event.endsAt)}`,
    `SUMMARY:${escapeText(title)}`,
    `LOCATION:${escapeText(event.location)}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(event.url ? [`URL:${event.url}`] : []),
    'BEGIN:VALARM',
    'TRIGGER:-PT2H',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(title)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return `${lines.map(fold).join('\r\n')}\r\n`
}
