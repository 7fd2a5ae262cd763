/**
 * The month axis of the phasing timeline. Board x is proportional to months: the origin month
 * starts at x = 0 and every month is `monthWidthPx` wide, so a phase box from `start` to `end`
 * (both inclusive) covers x ∈ [left edge of start, right edge of end). Dragging or resizing a
 * phase snaps through `snapPhaseBox`; editing its months places it through `phaseBoxFor`.
 */

export const MONTH_WIDTH_PX = 24
export const DEFAULT_TIMELINE_ORIGIN = '2027-01'

export interface Timeline {
  /** `YYYY-MM` of the month that starts at x = 0. */
  readonly originMonth: string
  readonly monthWidthPx: number
}

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

export const isYearMonth = (value: unknown): value is string => typeof value === 'string' && YEAR_MONTH.test(value)

/** The timeline of a board: its settings' `timelineOrigin` when valid, else 2027-01. */
export function createTimeline(origin?: unknown, monthWidthPx: number = MONTH_WIDTH_PX): Timeline {
  return {
    originMonth: isYearMonth(origin) ? origin : DEFAULT_TIMELINE_ORIGIN,
    monthWidthPx: Number.isFinite(monthWidthPx) && monthWidthPx > 0 ? monthWidthPx : MONTH_WIDTH_PX,
  }
}

export const defaultTimeline: Timeline = createTimeline()

/** Months since January of year 0: `2027-03` → 24326. Malformed input counts as the origin. */
export function monthNumber(yearMonth: string): number {
  const match = YEAR_MONTH.exec(yearMonth) ?? YEAR_MONTH.exec(DEFAULT_TIMELINE_ORIGIN)
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : 0
}

/** The `YYYY-MM` of a month number; clamped to years 0000–9999. */
export function monthFromNumber(n: number): string {
  const clamped = Math.min(9999 * 12 + 11, Math.max(0, Math.round(n)))
  const year = Math.floor(clamped / 12)
  const month = (clamped % 12) + 1
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
}

export const addMonths = (yearMonth: string, months: number): string => monthFromNumber(monthNumber(yearMonth) + months)

/** Months from `start` to `end`, both included (2027-03 … 2027-03 is 1). */
export const monthSpan = (start: string, end: string): number => monthNumber(end) - monthNumber(start) + 1

/** Left edge of `yearMonth`. */
export const monthToX = (timeline: Timeline, yearMonth: string): number =>
  (monthNumber(yearMonth) - monthNumber(timeline.originMonth)) * timeline.monthWidthPx

/** The month whose column contains `x`. */
export const xToMonth = (timeline: Timeline, x: number): string =>
  monthFromNumber(monthNumber(timeline.originMonth) + Math.floor(x / timeline.monthWidthPx))

/** The box of a phase running from `start` to `end` (inclusive) on the timeline. */
export function phaseBoxFor(
  start: string,
  end: string,
  y: number,
  h: number,
  timeline: Timeline = defaultTimeline,
): { x: number; y: number; w: number; h: number } {
  const x = monthToX(timeline, start)
  const months = Math.max(1, monthSpan(start, end))
  return { x, y, w: months * timeline.monthWidthPx, h }
}

/**
 * Snaps a dragged or resized phase box to whole months: the left edge to the nearest month
 * boundary, the width to the nearest whole number of months (at least one). Returns the snapped
 * x and w with the months they cover, ready for one `element.update` on drop.
 */
export function snapPhaseBox(
  box: { x: number; w: number },
  timeline: Timeline = defaultTimeline,
): { x: number; w: number; start: string; end: string } {
  const width = timeline.monthWidthPx
  const startOffset = Math.round(box.x / width)
  const months = Math.max(1, Math.round(box.w / width))
  const origin = monthNumber(timeline.originMonth)
  return {
    x: startOffset * width,
    w: months * width,
    start: monthFromNumber(origin + startOffset),
    end: monthFromNumber(origin + startOffset + months - 1),
  }
}

/** Month boundaries strictly inside a box from `x` to `x + w`, with the month that starts there. */
export function monthBoundaries(timeline: Timeline, x: number, w: number): { x: number; month: string }[] {
  const width = timeline.monthWidthPx
  const first = Math.floor(x / width) + 1
  const last = Math.ceil((x + w) / width) - 1
  const origin = monthNumber(timeline.originMonth)
  const out: { x: number; month: string }[] = []
  // A bar spanning centuries would draw thousands of ticks: cap it (ticks are decoration).
  for (let i = first; i <= last && out.length < 600; i++) out.push({ x: i * width, month: monthFromNumber(origin + i) })
  return out
}
