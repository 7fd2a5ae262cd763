import type { Element } from '../schema/elements.ts'
import type { Timeline } from './timeline.ts'

/**
 * The scene: a plain, serialisable tree that describes how a board looks, built from the
 * board document by `buildElementScene` & co. The browser turns it into Konva nodes
 * (`client/canvas/render`), the server into PNG / SVG / PDF. It holds no functions, no images
 * and no Konva objects, so the same input always gives the same JSON.
 */
export type SceneNodeType = 'group' | 'rect' | 'text' | 'path' | 'line' | 'arrow' | 'circle' | 'image'

/**
 * Attributes with Konva's names and meanings. Patterns are drawn as `path`/`line` nodes (no
 * `fillPatternImage`): a scene must render the same without a canvas to make pattern images.
 */
export interface SceneAttrs {
  x?: number
  y?: number
  width?: number
  height?: number
  scaleX?: number
  scaleY?: number
  rotation?: number
  /** Konva's `name`: `element` on the root group of every element (hit-testing walks up to it). */
  name?: string
  /** Konva's `id`: the element id on the root group. */
  id?: string
  opacity?: number
  visible?: boolean
  /** false on decoration: only an element's background takes part in Konva's hit detection. */
  listening?: boolean
  fill?: string
  stroke?: string
  strokeWidth?: number
  /** Keep stroke width constant under zoom (outlines, highlight). */
  strokeScaleEnabled?: boolean
  hitStrokeWidth?: number
  lineCap?: 'butt' | 'round' | 'square'
  lineJoin?: 'miter' | 'round' | 'bevel'
  dash?: number[]
  cornerRadius?: number | number[]
  // text
  text?: string
  fontSize?: number
  fontFamily?: string
  fontStyle?: string
  align?: 'left' | 'center' | 'right'
  verticalAlign?: 'top' | 'middle' | 'bottom'
  wrap?: 'word' | 'char' | 'none'
  ellipsis?: boolean
  padding?: number
  lineHeight?: number
  // line / arrow / path / circle
  points?: number[]
  closed?: boolean
  pointerLength?: number
  pointerWidth?: number
  pointerAtBeginning?: boolean
  pointerAtEnding?: boolean
  /** SVG path data of a `path` node. */
  data?: string
  radius?: number
  // image
  /** A path on the board's own server; the renderer loads it. */
  src?: string
  alt?: string
  /** Konva's shapes may skip the separate fill+stroke pass: faster, same look for our shapes. */
  perfectDrawEnabled?: boolean
}

export interface SceneNode {
  type: SceneNodeType
  /** Unique among its siblings; the reconciler matches old and new children by it. */
  key: string
  attrs: SceneAttrs
  children?: SceneNode[]
}

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export type Box = { x: number; y: number; w: number; h: number }

/** `t` of the i18n catalog, loosely typed: the scene builds keys like `enum.sector.${sector}`. */
export type SceneTranslate = (key: string, params?: Record<string, string | number>) => string

export interface SceneContext {
  t: SceneTranslate
  /** Looks up other elements (a use's zone, a phase's refs). */
  elementsById: (id: string) => Element | undefined
  timeline: Timeline
  /** BCP 47 locale for numbers (`1,500` vs `1 500`); defaults to `en`. */
  locale?: string
  /** Which `labels[lang]` to show; defaults to the locale's language. */
  lang?: string
  /** The board's working languages (settings `languages`), for `secondaryLabel`. */
  languages?: readonly string[]
  /** Cards show the label in another working language beneath their own (settings `showBothLanguages`). */
  showBothLanguages?: boolean
  /** A CSS font-family list; the server passes `DejaVu Sans`. */
  fontFamily?: string
  /** Planned floor area of the uses placed in a zone (for its occupancy), when known. */
  plannedAreaOf?: (zoneId: string) => number | undefined
  /**
   * The boxes of the cards (every kind but containers and links) that meet `rect`, so that a
   * link's label is put beside them, never under or over one. Without it, only the link's own
   * ends are avoided.
   */
  cardsNear?: (rect: Rect) => readonly Box[]
}
