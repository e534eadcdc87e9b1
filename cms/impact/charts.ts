/**
 * Chart geometry as plain data (no charting library, no script): bars and lines laid out in SVG user units, drawn by
 * the admin (React) and by the site's /data/ page (Astro) from the same numbers. Labels are text elements, so
 * Chinese renders in the page's own font; each chart is also given as a table beside it.
 */

export type Bar = { label: string; value: number; shown: string; y: number; width: number }
export type BarChart = { width: number; height: number; labelWidth: number; barHeight: number; bars: Bar[] }

const ROW = 28
const BAR = 18

/** Horizontal bars (long Chinese names read on the left), scaled to the largest value. */
export function barChart(rows: { label: string; value: number; shown?: string }[], width = 640): BarChart {
  const labelWidth = Math.min(200, Math.max(72, ...rows.map((r) => [...r.label].length * 14 + 12)))
  const room = width - labelWidth - 80
  const max = Math.max(1, ...rows.map((r) => r.value))
  return {
    width,
    height: Math.max(ROW, rows.length * ROW + 8),
    labelWidth,
    barHeight: BAR,
    bars: rows.map((r, i) => ({
      label: r.label,
      value: r.value,
      shown: r.shown ?? String(r.value),
      y: i * ROW + 4,
      width: Math.max(r.value > 0 ? 2 : 0, Math.round((r.value / max) * room)),
    })),
  }
}

export type LinePoint = { label: string; value: number; shown: string; x: number; y: number }
export type LineChart = {
  width: number
  height: number
  plot: { left: number; top: number; right: number; bottom: number }
  points: LinePoint[]
  path: string
  ticks: { y: number; label: string }[]
}

/** A line over time (months), with a zero baseline and three gridlines. */
export function lineChart(
  rows: { label: string; value: number; shown?: string }[],
  width = 640,
  height = 240,
): LineChart {
  const plot = { left: 56, top: 16, right: width - 16, bottom: height - 40 }
  const max = Math.max(1, ...rows.map((r) => r.value))
  const step = rows.length > 1 ? (plot.right - plot.left) / (rows.length - 1) : 0
  const yOf = (v: number) => Math.round(plot.bottom - (v / max) * (plot.bottom - plot.top))
  const points = rows.map((r, i) => ({
    label: r.label,
    value: r.value,
    shown: r.shown ?? String(r.value),
    x: Math.round(rows.length > 1 ? plot.left + i * step : (plot.left + plot.right) / 2),
    y: yOf(r.value),
  }))
  return {
    width,
    height,
    plot,
    points,
    path: points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' '),
    ticks: [0, 0.5, 1].map((f) => ({ y: yOf(max * f), label: Math.round(max * f).toLocaleString('zh-CN') })),
  }
}
