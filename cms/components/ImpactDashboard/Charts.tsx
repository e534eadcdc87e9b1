import type { BarChart, LineChart } from '../../impact/charts.ts'

/** Horizontal bars as static SVG (no script); the numbers are also in the table that follows each chart. */
export function Bars({ chart, title }: { chart: BarChart; title: string }) {
  return (
    <svg
      className="impact-chart"
      viewBox={`0 0 ${chart.width} ${chart.height}`}
      role="img"
      aria-label={title}
      preserveAspectRatio="xMinYMin meet"
    >
      <title>{title}</title>
      {chart.bars.map((b) => (
        <g key={b.label}>
          <text x={chart.labelWidth - 8} y={b.y + chart.barHeight / 2} textAnchor="end" dominantBaseline="middle">
            {b.label}
          </text>
          <rect x={chart.labelWidth} y={b.y} width={b.width} height={chart.barHeight} className="impact-chart__bar" />
          <text x={chart.labelWidth + b.width + 6} y={b.y + chart.barHeight / 2} dominantBaseline="middle">
            {b.shown}
          </text>
        </g>
      ))}
    </svg>
  )
}

/** A line by month as static SVG. */
export function Line({ chart, title }: { chart: LineChart; title: string }) {
  const { plot } = chart
  return (
    <svg className="impact-chart" viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={title}>
      <title>{title}</title>
      {chart.ticks.map((t) => (
        <g key={t.y}>
          <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} className="impact-chart__grid" />
          <text x={plot.left - 6} y={t.y} textAnchor="end" dominantBaseline="middle">
            {t.label}
          </text>
        </g>
      ))}
      <path d={chart.path} className="impact-chart__line" fill="none" />
      {chart.points.map((p) => (
        <g key={p.label}>
          <circle cx={p.x} cy={p.y} r={3.5} className="impact-chart__dot" />
          <text x={p.x} y={plot.bottom + 18} textAnchor="middle">
            {p.label}
          </text>
        </g>
      ))}
    </svg>
  )
}
