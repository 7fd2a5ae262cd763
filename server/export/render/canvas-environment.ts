import { createRequire } from 'node:module'
import path from 'node:path'
import { createCanvas, DOMMatrix, GlobalFonts, Image, Path2D, type SKRSContext2D } from '@napi-rs/canvas'
import Konva from 'konva'
import type { TextMeasure } from '../../../shared/export/svg-text.ts'

/** The family the server's scene uses (`buildBoardScene(…, { fontFamily })`): covers č ć đ š ž ř ů ő ű ł ś ą ę ß. */
export const EXPORT_FONT_FAMILY = 'DejaVu Sans'

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
export const fontFiles = {
  regular: path.join(fontDir, 'DejaVuSans.ttf'),
  bold: path.join(fontDir, 'DejaVuSans-Bold.ttf'),
  oblique: path.join(fontDir, 'DejaVuSans-Oblique.ttf'),
} as const

let ready = false

/**
 * Wires Konva to @napi-rs/canvas once per process (DESIGN.md, "Konva in Node"): Konva checks
 * for a DOM and otherwise wants the `canvas` package, which does not install here. Konva's
 * only hooks are process-wide, which is fine: the server uses Konva for exports alone.
 */
export function ensureCanvasEnvironment(): void {
  if (ready) return
  const global = globalThis as Record<string, unknown>
  global.DOMMatrix ??= DOMMatrix
  global.Path2D ??= Path2D
  Konva.Util.createCanvasElement = () => {
    const canvas = createCanvas(300, 300)
    // Konva sets a few style fields on its canvases; @napi-rs/canvas has none
    if (!('style' in canvas)) Object.assign(canvas, { style: {} })
    return canvas as unknown as HTMLCanvasElement
  }
  Konva.Util.createImageElement = () => new Image() as unknown as HTMLImageElement
  // one family, three faces: the bold and oblique files register under the same name
  for (const file of Object.values(fontFiles)) GlobalFonts.registerFromPath(file, EXPORT_FONT_FAMILY)
  ready = true
}

let measureContext: SKRSContext2D | null = null
const widths = new Map<string, number>()
const MAX_CACHED_WIDTHS = 50_000

/**
 * Text widths from the real font (the same metrics Konva wraps with when it draws the PNG),
 * so the SVG's `<tspan>` lines break where the PNG's do.
 */
export const measureExportText: TextMeasure = (text, font) => {
  ensureCanvasEnvironment()
  const key = `${font.bold ? 'b' : ''}${font.italic ? 'i' : ''}${font.size}|${text}`
  const cached = widths.get(key)
  if (cached !== undefined) return cached
  measureContext ??= createCanvas(1, 1).getContext('2d')
  measureContext.font = `${font.italic ? 'italic ' : ''}${font.bold ? 'bold ' : ''}${font.size}px "${EXPORT_FONT_FAMILY}"`
  const width = measureContext.measureText(text).width
  if (widths.size >= MAX_CACHED_WIDTHS) widths.clear()
  widths.set(key, width)
  return width
}
