import { estimateTextWidth } from '../scene/text.ts'
import type { SceneAttrs } from '../scene/types.ts'

/** The face of a run of text, as far as widths depend on it. */
export interface TextFont {
  size: number
  bold: boolean
  italic: boolean
}

/** Width in px of one line of `text` in `font`: the server measures with the real font, the browser may pass its canvas. */
export type TextMeasure = (text: string, font: TextFont) => number

/** Without a real measure: the scene builder's generous per-glyph estimate (shared/scene/text.ts). */
export const estimateMeasure: TextMeasure = (text, font) => estimateTextWidth(text, font.size, font.bold)

export const fontOf = (attrs: SceneAttrs): TextFont => {
  const style = attrs.fontStyle ?? ''
  return { size: attrs.fontSize ?? 12, bold: /bold|[6-9]00/.test(style), italic: /italic|oblique/.test(style) }
}

export interface TextLine {
  text: string
  width: number
  /** The line was wrapped at a space (which Konva drops): text extracted from the SVG keeps it. */
  brokeAtSpace?: boolean
}

export interface TextLayout {
  lines: TextLine[]
  /** Top of the first line box, in the text node's coordinates (padding and vertical alignment applied). */
  top: number
  lineHeightPx: number
}

const ELLIPSIS = '…'
const graphemesOf = (text: string): string[] => [...text]

/**
 * Lines of a `text` scene node the way Konva.Text lays them out (konva/lib/shapes/Text.js,
 * `_setTextData`): paragraphs split at "\n"; a paragraph wider than the box is cut at the
 * longest prefix that fits, moved back to the last space or dash for `wrap: 'word'`; lines
 * stop when one more would overflow a fixed height, and with `ellipsis` the last shown line
 * ends in "…". With the same measure the SVG breaks lines where the PNG does.
 */
export function layoutText(attrs: SceneAttrs, measure: TextMeasure): TextLayout {
  const font = fontOf(attrs)
  const width = (text: string) => measure(text, font)
  const padding = attrs.padding ?? 0
  const lineHeightPx = (attrs.lineHeight ?? 1) * font.size
  const fixedWidth = attrs.width !== undefined
  const fixedHeight = attrs.height !== undefined
  const maxWidth = (attrs.width ?? 0) - padding * 2
  const maxHeightPx = (attrs.height ?? 0) - padding * 2
  const wrap = attrs.wrap ?? 'word'
  const shouldWrap = wrap !== 'none'
  const wrapAtWord = wrap !== 'char' && shouldWrap
  const ellipsis = attrs.ellipsis ?? false
  const ellipsisWidth = ellipsis ? width(ELLIPSIS) : 0
  const lines: TextLine[] = []
  let height = 0

  const addLine = (text: string) => lines.push({ text, width: width(text) })
  const addEllipsis = () => {
    const last = lines[lines.length - 1]
    if (!last || !ellipsis) return
    let text = last.text + ELLIPSIS
    if (fixedWidth) {
      const graphemes = graphemesOf(last.text)
      while (graphemes.length > 0 && width(text) > maxWidth) {
        graphemes.pop()
        text = graphemes.join('') + ELLIPSIS
      }
      if (width(text) > maxWidth) text = ''
    }
    last.text = text
    last.width = width(text)
  }
  const overflowsAfter = (h: number) => fixedHeight && h + lineHeightPx > maxHeightPx

  const paragraphs = (attrs.text ?? '').split('\n')
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p] ?? ''
    if (fixedWidth && width(paragraph) > maxWidth) {
      const graphemes = graphemesOf(paragraph)
      let start = 0
      const slice = (end: number) => graphemes.slice(start, end).join('')
      while (start < graphemes.length) {
        const extra = ellipsis && overflowsAfter(height) ? ellipsisWidth : 0
        const fits = (end: number) => width(slice(end)) + extra <= maxWidth
        let low = start
        let high = graphemes.length + 1
        // longest prefix that fits: binary search over the end index
        while (high - low > 1) {
          const mid = (low + high) >>> 1
          if (fits(mid)) low = mid
          else high = mid
        }
        if (low === start) break // not one character fits
        if (low === graphemes.length) {
          addLine(slice(low))
          height += lineHeightPx
          if (overflowsAfter(height) && p < paragraphs.length - 1) addEllipsis()
          break
        }
        if (wrapAtWord && graphemes[low] !== ' ' && graphemes[low] !== '-') {
          let at = low - 1
          while (at >= start && graphemes[at] !== ' ' && graphemes[at] !== '-') at--
          if (at >= start) low = at + 1
        }
        const kept = slice(low)
        addLine(kept.trimEnd())
        if (kept !== kept.trimEnd() || (graphemes[low] ?? '').trim() === '') {
          const last = lines[lines.length - 1]
          if (last) last.brokeAtSpace = true
        }
        height += lineHeightPx
        if (!shouldWrap || overflowsAfter(height)) {
          addEllipsis()
          break
        }
        start = low
        while (start < graphemes.length && (graphemes[start] ?? '').trim() === '') start++
      }
    } else {
      addLine(paragraph)
      height += lineHeightPx
      if (overflowsAfter(height) && p < paragraphs.length - 1) addEllipsis()
    }
    if (overflowsAfter(height)) break
  }

  const boxHeight = attrs.height ?? lines.length * lineHeightPx + padding * 2
  const free = boxHeight - lines.length * lineHeightPx - padding * 2
  const top = attrs.verticalAlign === 'middle' ? padding + free / 2 : attrs.verticalAlign === 'bottom' ? padding + free : padding
  return { lines, top, lineHeightPx }
}
