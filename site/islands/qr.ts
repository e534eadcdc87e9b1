/**
 * A QR code as one SVG path, drawn on the client (no image request). Loaded on demand by the confirmation
 * screen, so the course page does not pay for it until a booking succeeds.
 */
import qrcode from 'qrcode-generator'

/** Quiet zone the standard asks for, in modules. */
const QUIET = 4

export type QrPath = { size: number; d: string }

export function qrPath(text: string): QrPath {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const count = qr.getModuleCount()
  let d = ''
  for (let row = 0; row < count; row++) {
    let col = 0
    while (col < count) {
      if (!qr.isDark(row, col)) {
        col++
        continue
      }
      // One rectangle per horizontal run of dark modules keeps the path short.
      let run = 1
      while (col + run < count && qr.isDark(row, col + run)) run++
      d += `M${col + QUIET} ${row + QUIET}h${run}v1h-${run}z`
      col += run
    }
  }
  return { size: count + QUIET * 2, d }
}
