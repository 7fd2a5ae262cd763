import type { SceneContext } from './types.ts'

/**
 * Text helpers for the builders: which label to show, numbers for the locale, and a width
 * estimate. The builder cannot measure text (no canvas in a pure module), so it sizes what
 * must hug text (a link label's background) from average glyph widths and lets Konva's
 * `ellipsis` keep everything else inside its box.
 */

/**
 * The browser's font stack: each platform's UI font, then Arial-metric fallbacks, before the
 * generic families (on a bare Linux `system-ui` can resolve to the much wider DejaVu Sans).
 * The server passes its own (`DejaVu Sans`), which every estimate below is generous enough for.
 */
export const DEFAULT_FONT_FAMILY =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", system-ui, sans-serif'

export const fontFamilyOf = (ctx: SceneContext): string => ctx.fontFamily ?? DEFAULT_FONT_FAMILY

const numberFormats = new Map<string, Intl.NumberFormat>()

/** `1500` → `1,500` (en) or `1 500` (sl); up to one decimal. */
export function formatNumber(value: number, locale = 'en'): string {
  let format = numberFormats.get(locale)
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
    } catch {
      format = new Intl.NumberFormat('en', { maximumFractionDigits: 1 })
    }
    numberFormats.set(locale, format)
  }
  return format.format(value)
}

const percentFormats = new Map<string, Intl.NumberFormat>()

export function formatPercent(ratio: number, locale = 'en'): string {
  let format = percentFormats.get(locale)
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
    } catch {
      format = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 })
    }
    percentFormats.set(locale, format)
  }
  return format.format(ratio)
}

const monthFormats = new Map<string, Intl.DateTimeFormat>()

function monthFormat(locale: string): Intl.DateTimeFormat {
  let format = monthFormats.get(locale)
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { month: 'short', year: 'numeric', timeZone: 'UTC' }
    try {
      format = new Intl.DateTimeFormat(locale, options)
    } catch {
      format = new Intl.DateTimeFormat('en', options)
    }
    monthFormats.set(locale, format)
  }
  return format
}

const YEAR_MONTH = /^(\d{4})-(\d{2})$/
const monthDate = (yearMonth: string): Date | null => {
  const match = YEAR_MONTH.exec(yearMonth)
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) : null
}

/**
 * A phase's months in the UI language: `2027-03`…`2027-12` → "Mar – Dec 2027" (en),
 * "März–Dez. 2027" (de), "2027. márc.–dec." (hu). The locale's own range format leaves out
 * what both ends share. Malformed months are shown as they are.
 */
export function formatMonthSpan(start: string, end: string, locale = 'en'): string {
  const from = monthDate(start)
  const to = monthDate(end)
  if (!from || !to) return `${start} – ${end}`
  const format = monthFormat(locale)
  return to.getTime() <= from.getTime() ? format.format(from) : format.formatRange(from, to)
}

/** The language whose `labels` entry to show: `ctx.lang`, else the locale's language. */
export const languageOf = (ctx: SceneContext): string => ctx.lang ?? (ctx.locale ?? 'en').split('-')[0] ?? 'en'

/** `labels[lang]` when present and not blank (bilingual towns), else `label`. */
export function displayLabel(element: { label?: string; labels?: Record<string, string> }, ctx: SceneContext): string {
  const translated = element.labels?.[languageOf(ctx)]
  if (translated !== undefined && translated.trim() !== '') return translated
  return element.label ?? ''
}

/**
 * The second line of a bilingual card (settings `showBothLanguages`): the label in the first
 * working language other than the viewer's that reads differently from `displayLabel`, else
 * the original `label` when the viewer sees a translation (the original is usually written in
 * one of the working languages). Undefined when the board does not show both or there is
 * nothing else to show.
 */
export function secondaryLabel(
  element: { label?: string; labels?: Record<string, string> },
  ctx: SceneContext,
): string | undefined {
  if (!ctx.showBothLanguages || !ctx.languages || ctx.languages.length === 0) return undefined
  const primary = displayLabel(element, ctx)
  const own = languageOf(ctx)
  for (const code of ctx.languages) {
    if (code === own) continue
    const translated = element.labels?.[code]
    if (translated !== undefined && translated.trim() !== '' && translated !== primary) return translated
  }
  const original = element.label ?? ''
  return original.trim() !== '' && original !== primary ? original : undefined
}

// Advance widths in em, rounded up from DejaVu Sans, the widest font the scene is drawn with.
const NARROW = new Set([..."iljtfrI.,:;!|'’ ()[]-"])
const WIDE = new Set([...'mwMWÆŒ@%'])

/** Estimated width of one line of `text` at `fontSize`, in px; generous rather than tight. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0
  for (const char of text) {
    if (NARROW.has(char)) em += 0.36
    else if (WIDE.has(char)) em += 0.95
    else if (char >= 'A' && char <= 'Z') em += 0.72
    else if (char >= '0' && char <= '9') em += 0.64
    else em += 0.62
  }
  return em * fontSize * (bold ? 1.1 : 1)
}

/** How many lines `text` wraps to at `width` (word wrap, estimated). */
export function estimateLines(text: string, fontSize: number, width: number, bold = false): number {
  if (width <= 0) return 1
  let lines = 1
  let current = 0
  const space = estimateTextWidth(' ', fontSize, bold)
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = estimateTextWidth(word, fontSize, bold)
    if (current > 0 && current + space + w > width) {
      lines++
      current = w
    } else current += (current > 0 ? space : 0) + w
    while (current > width) {
      lines++
      current -= width
    }
  }
  return lines
}

/** Cuts `text` to an estimated `width`, with "…" when cut. */
export function clipText(text: string, fontSize: number, width: number, bold = false): string {
  if (estimateTextWidth(text, fontSize, bold) <= width) return text
  const ellipsis = '…'
  let out = ''
  for (const char of text) {
    if (estimateTextWidth(out + char + ellipsis, fontSize, bold) > width) break
    out += char
  }
  return out.trimEnd() + ellipsis
}
