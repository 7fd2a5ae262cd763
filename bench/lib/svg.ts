// Hand-written SVG charts for the report: grouped bars and lines over categories, with
// labelled axes, values on the marks and an optional horizontal limit line.

export interface Series {
  name: string
  /** one value per category; NaN / Infinity are drawn as gaps */
  values: number[]
}

export interface ChartSpec {
  title: string
  xLabel: string
  yLabel: string
  categories: string[]
  series: Series[]
  /** a horizontal reference line, e.g. a target */
  limit?: { value: number; label: string }
  /** a logarithmic y axis (decades), for values that span orders of magnitude */
  logScale?: boolean
}

/** The y axis: where a value is drawn, and the ticks to label. */
interface Axis {
  y(v: number): number
  ticks: number[]
  max: number
}

function linearAxis(max: number): Axis {
  const yMax = niceMax(max)
  return {
    y: (v) => M.top + plotH - (Math.min(v, yMax) / yMax) * plotH,
    ticks: Array.from({ length: 6 }, (_, i) => (yMax * i) / 5),
    max: yMax,
  }
}

function logAxis(values: number[]): Axis {
  const positive = values.filter((v) => v > 0)
  const lo = 10 ** Math.floor(Math.log10(Math.min(...positive, 1)))
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...positive, 10)))
  const span = Math.log10(hi) - Math.log10(lo)
  const ticks: number[] = []
  for (let t = lo; t <= hi * 1.0001; t *= 10) ticks.push(t)
  return {
    y: (v) => M.top + plotH - ((Math.log10(Math.min(Math.max(v, lo), hi)) - Math.log10(lo)) / span) * plotH,
    ticks,
    max: hi,
  }
}

const axisOf = (spec: ChartSpec): Axis => {
  const values = [...finite(spec), ...(spec.limit ? [spec.limit.value] : [])]
  return spec.logScale ? logAxis(values) : linearAxis(Math.max(0, ...values))
}

const palette = ['#2563eb', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#64748b']
const W = 720
const H = 400
const M = { top: 48, right: 170, bottom: 60, left: 72 }
const plotW = W - M.left - M.right
const plotH = H - M.top - M.bottom

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const fmt = (n: number) => (Math.abs(n) >= 100 ? String(Math.round(n)) : String(Math.round(n * 10) / 10))

function niceMax(max: number): number {
  if (!(max > 0)) return 1
  const p = 10 ** Math.floor(Math.log10(max))
  for (const m of [1, 2, 2.5, 5, 10]) if (max <= m * p) return m * p
  return 10 * p
}

function frame(spec: ChartSpec, axis: Axis, body: string): string {
  const { y, max: yMax } = axis
  const grid = axis.ticks
    .map(
      (t) =>
        `<line x1="${M.left}" x2="${M.left + plotW}" y1="${y(t)}" y2="${y(t)}" stroke="#e5e7eb"/>` +
        `<text x="${M.left - 8}" y="${y(t) + 4}" text-anchor="end" font-size="11">${fmt(t)}</text>`,
    )
    .join('')
  const limit = spec.limit
    ? `<line x1="${M.left}" x2="${M.left + plotW}" y1="${y(Math.min(spec.limit.value, yMax))}" y2="${y(Math.min(spec.limit.value, yMax))}" stroke="#dc2626" stroke-dasharray="6 4"/>` +
      `<text x="${M.left + plotW - 4}" y="${y(Math.min(spec.limit.value, yMax)) - 6}" text-anchor="end" font-size="11" fill="#dc2626">${esc(spec.limit.label)}</text>`
    : ''
  const legend = spec.series
    .map(
      (s, i) =>
        `<rect x="${M.left + plotW + 16}" y="${M.top + i * 20}" width="12" height="12" fill="${palette[i % palette.length]}"/>` +
        `<text x="${M.left + plotW + 34}" y="${M.top + i * 20 + 10}" font-size="12">${esc(s.name)}</text>`,
    )
    .join('')
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${esc(spec.title)}</text>`,
    grid,
    `<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + plotH}" stroke="#111"/>`,
    `<line x1="${M.left}" x2="${M.left + plotW}" y1="${M.top + plotH}" y2="${M.top + plotH}" stroke="#111"/>`,
    `<text x="${M.left + plotW / 2}" y="${H - 14}" text-anchor="middle" font-size="12">${esc(spec.xLabel)}</text>`,
    `<text transform="translate(18 ${M.top + plotH / 2}) rotate(-90)" text-anchor="middle" font-size="12">${esc(spec.yLabel)}</text>`,
    body,
    limit,
    legend,
    '</svg>',
    '',
  ].join('\n')
}

const finite = (spec: ChartSpec) => spec.series.flatMap((s) => s.values).filter((v) => Number.isFinite(v))

/** Grouped bars: one group per category, one bar per series, each labelled with its value. */
export function barChart(spec: ChartSpec): string {
  const axis = axisOf(spec)
  const groupW = plotW / Math.max(1, spec.categories.length)
  const barW = Math.min(48, (groupW * 0.8) / Math.max(1, spec.series.length))
  const marks: string[] = []
  spec.categories.forEach((category, c) => {
    const x0 = M.left + c * groupW + (groupW - barW * spec.series.length) / 2
    spec.series.forEach((s, i) => {
      const v = s.values[c] ?? Number.NaN
      const x = x0 + i * barW
      if (!Number.isFinite(v)) {
        marks.push(`<text x="${x + barW / 2}" y="${M.top + plotH - 4}" text-anchor="middle" font-size="10">n/a</text>`)
        return
      }
      const h = M.top + plotH - axis.y(v)
      marks.push(
        `<rect x="${x + 1}" y="${M.top + plotH - h}" width="${barW - 2}" height="${h}" fill="${palette[i % palette.length]}"/>` +
          `<text x="${x + barW / 2}" y="${M.top + plotH - h - 4}" text-anchor="middle" font-size="10">${fmt(v)}</text>`,
      )
    })
    marks.push(
      `<text x="${M.left + c * groupW + groupW / 2}" y="${M.top + plotH + 18}" text-anchor="middle" font-size="12">${esc(category)}</text>`,
    )
  })
  return frame(spec, axis, marks.join('\n'))
}

/** Lines over categories (evenly spaced), points labelled with their values. */
export function lineChart(spec: ChartSpec): string {
  const axis = axisOf(spec)
  const n = spec.categories.length
  const x = (c: number) => M.left + (n <= 1 ? plotW / 2 : (c / (n - 1)) * plotW * 0.9 + plotW * 0.05)
  const y = axis.y
  const marks: string[] = spec.categories.map(
    (category, c) => `<text x="${x(c)}" y="${M.top + plotH + 18}" text-anchor="middle" font-size="12">${esc(category)}</text>`,
  )
  spec.series.forEach((s, i) => {
    const colour = palette[i % palette.length]
    const points = s.values.map((v, c) => ({ v, c })).filter((p) => Number.isFinite(p.v))
    if (points.length > 1)
      marks.push(
        `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.map((p) => `${x(p.c)},${y(p.v)}`).join(' ')}"/>`,
      )
    for (const p of points)
      marks.push(
        `<circle cx="${x(p.c)}" cy="${y(p.v)}" r="3.5" fill="${colour}"/>` +
          `<text x="${x(p.c)}" y="${y(p.v) - 7}" text-anchor="middle" font-size="10" fill="${colour}">${fmt(p.v)}</text>`,
      )
  })
  return frame(spec, axis, marks.join('\n'))
}
