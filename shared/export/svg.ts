import type { Rect, SceneAttrs, SceneNode } from '../scene/types.ts'
import { estimateMeasure, fontOf, layoutText, type TextMeasure } from './svg-text.ts'

export interface SvgOptions {
  /** Board area the picture shows (`exportRegion`). */
  region: Rect
  /** The picture's `<title>`: the board title. */
  title?: string
  /** Text widths for line breaking; default an estimate. The server passes the real font's. */
  measureText?: TextMeasure
  /** `font-family` of all text; default DejaVu Sans (what the server measures and rasterises with), then look-alikes. */
  fontFamily?: string
  /**
   * The `href` to embed for an image node's `src` (a `data:` URI), or undefined to keep the
   * element's placeholder. Never a URL to fetch: the file must stand alone.
   */
  imageHref?: (src: string) => string | undefined
  /** Page colour; default white. */
  background?: string
}

export const SVG_FONT_FAMILY = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif"

/** DejaVu Sans ascent and descent per em: where Konva puts the baseline inside a line box. */
const ASCENT = 0.928
const DESCENT = 0.236

// ---------------------------------------------------------------- escaping and numbers

/** Characters XML 1.0 forbids (controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF): dropped, so the file stays well-formed. */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing the characters XML forbids is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** `text` without the characters XML 1.0 forbids. */
export const xmlChars = (text: string): string => text.replace(FORBIDDEN, '')

export const escapeXmlText = (text: string): string =>
  xmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export const escapeXmlAttr = (text: string): string => escapeXmlText(text).replace(/"/g, '&quot;')

/** Numbers with at most two decimals and no trailing zeros, the same in every runtime. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return '0'
  const rounded = Math.round(value * 100) / 100
  return Object.is(rounded, -0) ? '0' : String(rounded)
}

// ---------------------------------------------------------------- attributes

type Attr = [string, string | number | undefined]

function attrs(list: Attr[]): string {
  let out = ''
  for (const [name, value] of list) {
    if (value === undefined) continue
    out += ` ${name}="${typeof value === 'number' ? num(value) : escapeXmlAttr(value)}"`
  }
  return out
}

function transformOf(a: SceneAttrs): string | undefined {
  const parts: string[] = []
  if ((a.x ?? 0) !== 0 || (a.y ?? 0) !== 0) parts.push(`translate(${num(a.x ?? 0)} ${num(a.y ?? 0)})`)
  if (a.rotation) parts.push(`rotate(${num(a.rotation)})`)
  if ((a.scaleX ?? 1) !== 1 || (a.scaleY ?? 1) !== 1) parts.push(`scale(${num(a.scaleX ?? 1)} ${num(a.scaleY ?? 1)})`)
  return parts.length > 0 ? parts.join(' ') : undefined
}

const opacityOf = (a: SceneAttrs) => (a.opacity !== undefined && a.opacity !== 1 ? a.opacity : undefined)

/** Konva's paint: a shape is filled when it has `fill`, stroked when it has `stroke` (2 px unless told). */
function paint(a: SceneAttrs, { filled = true }: { filled?: boolean } = {}): Attr[] {
  const stroked = a.stroke !== undefined && (a.strokeWidth ?? 2) > 0
  return [
    ['fill', filled && a.fill !== undefined ? a.fill : 'none'],
    ['stroke', stroked ? a.stroke : undefined],
    ['stroke-width', stroked ? (a.strokeWidth ?? 2) : undefined],
    ['stroke-dasharray', stroked && a.dash && a.dash.length > 0 ? a.dash.map(num).join(' ') : undefined],
    ['stroke-linecap', stroked && a.lineCap && a.lineCap !== 'butt' ? a.lineCap : undefined],
    ['stroke-linejoin', stroked && a.lineJoin && a.lineJoin !== 'miter' ? a.lineJoin : undefined],
    ['vector-effect', stroked && a.strokeScaleEnabled === false ? 'non-scaling-stroke' : undefined],
  ]
}

// ---------------------------------------------------------------- shapes

/** A rectangle with Konva's `cornerRadius` (one radius, or [top-left, top-right, bottom-right, bottom-left]). */
function rectangle(a: SceneAttrs, indent: string): string {
  const w = a.width ?? 0
  const h = a.height ?? 0
  const radius = a.cornerRadius ?? 0
  const common: Attr[] = [['transform', transformOf(a)], ['opacity', opacityOf(a)], ...paint(a)]
  if (!Array.isArray(radius)) {
    const r = Math.min(radius, w / 2, h / 2)
    return `${indent}<rect${attrs([['width', w], ['height', h], ['rx', r > 0 ? r : undefined], ...common])}/>`
  }
  const limit = (r: number | undefined) => Math.max(0, Math.min(r ?? 0, w / 2, h / 2))
  const [tl, tr, br, bl] = [limit(radius[0]), limit(radius[1]), limit(radius[2]), limit(radius[3])]
  const d =
    `M${num(tl)} 0H${num(w - tr)}` +
    (tr ? `A${num(tr)} ${num(tr)} 0 0 1 ${num(w)} ${num(tr)}` : '') +
    `V${num(h - br)}` +
    (br ? `A${num(br)} ${num(br)} 0 0 1 ${num(w - br)} ${num(h)}` : '') +
    `H${num(bl)}` +
    (bl ? `A${num(bl)} ${num(bl)} 0 0 1 0 ${num(h - bl)}` : '') +
    `V${num(tl)}` +
    (tl ? `A${num(tl)} ${num(tl)} 0 0 1 ${num(tl)} 0` : '') +
    'Z'
  return `${indent}<path${attrs([['d', d], ...common])}/>`
}

function textNode(a: SceneAttrs, indent: string, measure: TextMeasure): string {
  if (!a.text) return ''
  const layout = layoutText(a, measure)
  const lines = layout.lines.filter((line) => line.text !== '')
  if (lines.length === 0) return ''
  const font = fontOf(a)
  const width = a.width ?? Math.max(...layout.lines.map((line) => line.width)) + 2 * (a.padding ?? 0)
  const padding = a.padding ?? 0
  const anchor = a.align === 'center' ? 'middle' : a.align === 'right' ? 'end' : undefined
  const x = a.align === 'center' ? width / 2 : a.align === 'right' ? width - padding : padding
  const baseline = layout.lineHeightPx / 2 + ((ASCENT - DESCENT) / 2) * font.size
  const spans = layout.lines
    .map((line, index) =>
      line.text === ''
        ? ''
        : `<tspan${attrs([
            ['x', x],
            ['y', layout.top + index * layout.lineHeightPx + baseline],
          ])}>${escapeXmlText(line.text)}${line.brokeAtSpace && !anchor && !line.text.endsWith('…') ? ' ' : ''}</tspan>`,
    )
    .join('')
  return `${indent}<text${attrs([
    ['transform', transformOf(a)],
    ['opacity', opacityOf(a)],
    ['font-size', font.size],
    ['font-weight', font.bold ? 'bold' : undefined],
    ['font-style', font.italic ? 'italic' : undefined],
    ['text-anchor', anchor],
    ['fill', a.fill ?? '#000000'],
  ])} xml:space="preserve">${spans}</text>`
}

function pointsOf(points: readonly number[]): string {
  const pairs: string[] = []
  for (let i = 0; i + 1 < points.length; i += 2) pairs.push(`${num(points[i] ?? 0)},${num(points[i + 1] ?? 0)}`)
  return pairs.join(' ')
}

/** Konva.Arrow: the line, then a filled triangle with its tip on each end that has a pointer. */
function arrow(a: SceneAttrs, indent: string): string {
  const points = a.points ?? []
  const n = points.length
  if (n < 4) return ''
  const length = a.pointerLength ?? 10
  const width = a.pointerWidth ?? 10
  const head = (tipX: number, tipY: number, fromX: number, fromY: number) => {
    const angle = Math.atan2(tipY - fromY, tipX - fromX)
    const cos = Math.cos(angle)
    const sin = Math.sin(angle)
    const corner = (dx: number, dy: number) => `${num(tipX + dx * cos - dy * sin)},${num(tipY + dx * sin + dy * cos)}`
    return `<polygon${attrs([
      ['points', `${num(tipX)},${num(tipY)} ${corner(-length, width / 2)} ${corner(-length, -width / 2)}`],
      ['fill', a.fill ?? a.stroke],
      ['stroke', a.stroke],
      ['stroke-width', a.stroke ? (a.strokeWidth ?? 2) : undefined],
      ['stroke-linejoin', a.lineJoin && a.lineJoin !== 'miter' ? a.lineJoin : undefined],
    ])}/>`
  }
  const parts = [`<polyline${attrs([['points', pointsOf(points)], ...paint(a, { filled: false })])}/>`]
  if (a.pointerAtEnding !== false)
    parts.push(head(points[n - 2] ?? 0, points[n - 1] ?? 0, points[n - 4] ?? 0, points[n - 3] ?? 0))
  if (a.pointerAtBeginning) parts.push(head(points[0] ?? 0, points[1] ?? 0, points[2] ?? 0, points[3] ?? 0))
  return `${indent}<g${attrs([
    ['transform', transformOf(a)],
    ['opacity', opacityOf(a)],
  ])}>${parts.join('')}</g>`
}

// ---------------------------------------------------------------- the tree

interface Walk {
  measure: TextMeasure
  imageHref: (src: string) => string | undefined
  out: string[]
}

function visit(node: SceneNode, depth: number, walk: Walk, skip: ReadonlySet<SceneNode>): void {
  const a = node.attrs
  if (a.visible === false || skip.has(node)) return
  const indent = '  '.repeat(depth)
  switch (node.type) {
    case 'group': {
      const children = node.children ?? []
      // a picture that is embedded covers its placeholder, as in the browser once it has loaded
      const hasPicture = children.some((child) => child.type === 'image' && child.attrs.src && walk.imageHref(child.attrs.src))
      const hidden = new Set(hasPicture ? children.filter((child) => child.attrs.name === 'placeholder') : [])
      const open = `${indent}<g${attrs([
        ['id', a.name === 'element' && a.id ? `element-${a.id}` : undefined],
        ['transform', transformOf(a)],
        ['opacity', opacityOf(a)],
      ])}>`
      const before = walk.out.length
      walk.out.push(open)
      for (const child of children) visit(child, depth + 1, walk, hidden)
      if (walk.out.length === before + 1) walk.out.pop()
      else walk.out.push(`${indent}</g>`)
      return
    }
    case 'rect':
      walk.out.push(rectangle(a, indent))
      return
    case 'text': {
      const text = textNode(a, indent, walk.measure)
      if (text) walk.out.push(text)
      return
    }
    case 'path':
      if (a.data)
        walk.out.push(
          `${indent}<path${attrs([['d', a.data], ['transform', transformOf(a)], ['opacity', opacityOf(a)], ...paint(a)])}/>`,
        )
      return
    case 'line': {
      const points = a.points ?? []
      if (points.length < 4) return
      walk.out.push(
        `${indent}<${a.closed ? 'polygon' : 'polyline'}${attrs([
          ['points', pointsOf(points)],
          ['transform', transformOf(a)],
          ['opacity', opacityOf(a)],
          ...paint(a, { filled: a.closed === true }),
        ])}/>`,
      )
      return
    }
    case 'arrow': {
      const drawn = arrow(a, indent)
      if (drawn) walk.out.push(drawn)
      return
    }
    case 'circle':
      walk.out.push(
        `${indent}<circle${attrs([['cx', a.x ?? 0], ['cy', a.y ?? 0], ['r', a.radius ?? 0], ['opacity', opacityOf(a)], ...paint(a)])}/>`,
      )
      return
    case 'image': {
      const href = a.src ? walk.imageHref(a.src) : undefined
      if (!href) return
      walk.out.push(
        `${indent}<image${attrs([
          ['transform', transformOf(a)],
          ['width', a.width ?? 0],
          ['height', a.height ?? 0],
          ['preserveAspectRatio', 'none'],
          ['opacity', opacityOf(a)],
          ['xlink:href', href],
        ])}>${a.alt ? `<title>${escapeXmlText(a.alt)}</title>` : ''}</image>`,
      )
      return
    }
  }
}

/**
 * The SVG file in pieces: the head, one piece per top-level child of the scene (an element),
 * the tail. Joined they are `toSvg`; a server can yield to its event loop between pieces.
 */
export function* svgPieces(scene: SceneNode, options: SvgOptions): Generator<string> {
  const { region } = options
  const walk: Walk = {
    measure: options.measureText ?? estimateMeasure,
    imageHref: options.imageHref ?? (() => undefined),
    out: [],
  }
  const width = Math.max(1, Math.ceil(region.width))
  const height = Math.max(1, Math.ceil(region.height))
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attrs([
      ['width', width],
      ['height', height],
      ['viewBox', `${num(region.x)} ${num(region.y)} ${width} ${height}`],
      ['font-family', options.fontFamily ?? SVG_FONT_FAMILY],
    ])}>`,
    ...(options.title ? [`  <title>${escapeXmlText(options.title)}</title>`] : []),
    `  <rect${attrs([
      ['x', region.x],
      ['y', region.y],
      ['width', width],
      ['height', height],
      ['fill', options.background ?? '#ffffff'],
    ])}/>`,
  ]
  const a = scene.attrs
  const isGroup = scene.type === 'group' && a.visible !== false
  head.push(
    isGroup
      ? `  <g${attrs([
          ['transform', transformOf(a)],
          ['opacity', opacityOf(a)],
        ])}>`
      : '  <g>',
  )
  yield `${head.join('\n')}\n`
  for (const child of isGroup ? (scene.children ?? []) : [scene]) {
    walk.out = []
    visit(child, 2, walk, new Set())
    if (walk.out.length > 0) yield `${walk.out.join('\n')}\n`
  }
  yield '  </g>\n</svg>\n'
}

/**
 * A scene (shared/scene) as a standalone SVG file: shapes as vectors, text as `<text>` with a
 * `<tspan>` per line (broken like Konva breaks them, given the same `measureText`), every
 * string XML-escaped, images only as embedded `data:` URIs. Pure and deterministic: the same
 * scene and options give the same bytes, in Node and in the browser.
 */
export function toSvg(scene: SceneNode, options: SvgOptions): string {
  return [...svgPieces(scene, options)].join('')
}
