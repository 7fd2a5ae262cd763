import Konva from 'konva'
import type { SnapGuide } from '../snapping.ts'
import type { Point, Rect } from '../viewport.ts'

export const SELECTION_COLOR = '#1d4ed8'
export const GUIDE_COLOR = '#db2777'
export const LINK_COLOR = '#0b6e69'
export const HANDLE_RADIUS_PX = 9

/**
 * Everything drawn above the elements that is not board data: selection outlines, the resize
 * transformer, the marquee, snapping guides, the link being drawn and the connection handle.
 * All in board coordinates (the stage carries the viewport); strokes keep their screen width.
 */
export interface OverlayLayer {
  readonly layer: Konva.Layer
  readonly transformer: Konva.Transformer
  /** the invisible box the transformer resizes (the element itself is drawn by the renderer) */
  readonly proxy: Konva.Rect
  setOutlines(rects: readonly Rect[], scale: number): void
  setHover(rect: Rect | null): void
  /** the keyboard focus ring (a thick dark outline with a white edge, wider than the selection's), or hidden */
  setFocusRing(rect: Rect | null, scale: number): void
  setMarquee(rect: Rect | null): void
  /** the rectangle a drawing tool is dragging, with what it will make (a phase's months), or hidden */
  setDraft(rect: Rect | null, caption: string, scale: number): void
  setGuides(guides: readonly SnapGuide[]): void
  setLinkPreview(from: Point | null, to: Point | null, target: Rect | null): void
  /** the connection handle at `at`, or hidden */
  setHandle(at: Point | null, scale: number): void
  /** fingertip sizes (touch) or the mouse's: the transformer's anchors and the link handle */
  setTouch(touch: boolean): void
  /** true when a screen-space pointer is on a transformer anchor */
  isTransformerTarget(node: Konva.Node | null): boolean
  draw(): void
}

export function createOverlayLayer(): OverlayLayer {
  const layer = new Konva.Layer({ name: 'overlay' })
  const outlines = new Konva.Group({ listening: false })
  // two strokes, dark over light: visible on any card colour and on the grid
  const focusOuter = new Konva.Rect({
    visible: false,
    listening: false,
    stroke: '#ffffff',
    strokeWidth: 7,
    strokeScaleEnabled: false,
    cornerRadius: 6,
  })
  const focusInner = new Konva.Rect({
    visible: false,
    listening: false,
    stroke: '#111827',
    strokeWidth: 4,
    strokeScaleEnabled: false,
    cornerRadius: 6,
  })
  const hover = new Konva.Rect({
    visible: false,
    listening: false,
    stroke: SELECTION_COLOR,
    strokeWidth: 1,
    strokeScaleEnabled: false,
    opacity: 0.6,
  })
  const marquee = new Konva.Rect({
    visible: false,
    listening: false,
    fill: 'rgba(29, 78, 216, 0.08)',
    stroke: SELECTION_COLOR,
    strokeWidth: 1,
    dash: [4, 3],
    strokeScaleEnabled: false,
  })
  const draft = new Konva.Rect({
    visible: false,
    listening: false,
    name: 'draft',
    fill: 'rgba(29, 78, 216, 0.06)',
    stroke: SELECTION_COLOR,
    strokeWidth: 1.5,
    dash: [6, 4],
    strokeScaleEnabled: false,
    cornerRadius: 4,
  })
  const draftCaption = new Konva.Label({ visible: false, listening: false })
  draftCaption.add(new Konva.Tag({ fill: SELECTION_COLOR, cornerRadius: 3 }))
  draftCaption.add(new Konva.Text({ text: '', fontSize: 12, fill: '#ffffff', padding: 4, fontFamily: 'system-ui, sans-serif' }))
  const guides = new Konva.Group({ listening: false })
  const linkArrow = new Konva.Arrow({
    visible: false,
    listening: false,
    points: [],
    stroke: LINK_COLOR,
    fill: LINK_COLOR,
    strokeWidth: 2,
    dash: [6, 4],
    strokeScaleEnabled: false,
    pointerLength: 10,
    pointerWidth: 10,
  })
  const linkTarget = new Konva.Rect({
    visible: false,
    listening: false,
    stroke: LINK_COLOR,
    strokeWidth: 3,
    strokeScaleEnabled: false,
    cornerRadius: 6,
  })
  const handle = new Konva.Group({ visible: false, name: 'connect-handle' })
  const handleCircle = new Konva.Circle({
    radius: HANDLE_RADIUS_PX,
    fill: '#ffffff',
    stroke: LINK_COLOR,
    strokeWidth: 2,
    strokeScaleEnabled: false,
  })
  const handlePlus = new Konva.Path({
    data: 'M -4 0 L 4 0 M 0 -4 L 0 4',
    stroke: LINK_COLOR,
    strokeWidth: 2,
    strokeScaleEnabled: false,
    listening: false,
  })
  handle.add(handleCircle, handlePlus)
  const proxy = new Konva.Rect({ listening: false, visible: true, fill: 'transparent', strokeEnabled: false })
  const transformer = new Konva.Transformer({
    rotateEnabled: false,
    flipEnabled: false,
    keepRatio: false,
    ignoreStroke: true,
    borderStroke: SELECTION_COLOR,
    anchorStroke: SELECTION_COLOR,
    anchorFill: '#ffffff',
    anchorSize: 9,
    anchorCornerRadius: 2,
    borderStrokeWidth: 1,
    name: 'transformer',
  })
  layer.add(
    focusOuter,
    focusInner,
    outlines,
    hover,
    marquee,
    draft,
    draftCaption,
    guides,
    linkTarget,
    linkArrow,
    proxy,
    transformer,
    handle,
  )

  const outlinePool: Konva.Rect[] = []
  const guidePool: Konva.Line[] = []

  return {
    layer,
    transformer,
    proxy,
    setOutlines(rects, scale) {
      const pad = 3 / scale
      while (outlinePool.length < rects.length) {
        const rect = new Konva.Rect({
          listening: false,
          stroke: SELECTION_COLOR,
          strokeWidth: 2,
          strokeScaleEnabled: false,
          cornerRadius: 4,
        })
        outlinePool.push(rect)
        outlines.add(rect)
      }
      outlinePool.forEach((node, i) => {
        const rect = rects[i]
        node.visible(rect !== undefined)
        if (rect) node.setAttrs({ x: rect.x - pad, y: rect.y - pad, width: rect.width + 2 * pad, height: rect.height + 2 * pad })
      })
    },
    setFocusRing(rect, scale) {
      const pad = 9 / scale
      for (const node of [focusOuter, focusInner]) {
        node.visible(rect !== null)
        if (rect) node.setAttrs({ x: rect.x - pad, y: rect.y - pad, width: rect.width + 2 * pad, height: rect.height + 2 * pad })
      }
    },
    setHover(rect) {
      hover.visible(rect !== null)
      if (rect) hover.setAttrs({ x: rect.x, y: rect.y, width: rect.width, height: rect.height })
    },
    setMarquee(rect) {
      marquee.visible(rect !== null)
      if (rect) marquee.setAttrs({ x: rect.x, y: rect.y, width: rect.width, height: rect.height })
    },
    setDraft(rect, caption, scale) {
      draft.visible(rect !== null)
      draftCaption.visible(rect !== null && caption !== '')
      if (!rect) return
      draft.setAttrs({ x: rect.x, y: rect.y, width: rect.width, height: rect.height })
      draftCaption.getText().text(caption)
      // above the top-left corner, at a constant screen size
      draftCaption.setAttrs({ x: rect.x, y: rect.y - 26 / scale, scaleX: 1 / scale, scaleY: 1 / scale })
    },
    setGuides(list) {
      while (guidePool.length < list.length) {
        const line = new Konva.Line({
          listening: false,
          stroke: GUIDE_COLOR,
          strokeWidth: 1,
          strokeScaleEnabled: false,
          points: [],
        })
        guidePool.push(line)
        guides.add(line)
      }
      guidePool.forEach((node, i) => {
        const guide = list[i]
        node.visible(guide !== undefined)
        if (!guide) return
        const pad = 12
        node.points(
          guide.axis === 'x'
            ? [guide.at, guide.from - pad, guide.at, guide.to + pad]
            : [guide.from - pad, guide.at, guide.to + pad, guide.at],
        )
      })
    },
    setLinkPreview(from, to, target) {
      linkArrow.visible(from !== null && to !== null)
      if (from && to) linkArrow.points([from.x, from.y, to.x, to.y])
      linkTarget.visible(target !== null)
      if (target) linkTarget.setAttrs({ x: target.x - 4, y: target.y - 4, width: target.width + 8, height: target.height + 8 })
    },
    setHandle(at, scale) {
      handle.visible(at !== null)
      if (at) handle.setAttrs({ x: at.x, y: at.y, scaleX: 1 / scale, scaleY: 1 / scale })
    },
    setTouch(touch) {
      // drawn a little larger, taken by a fingertip: the hit area reaches 8 px around each anchor
      transformer.anchorSize(touch ? 13 : 9)
      transformer.anchorStyleFunc(touch ? (anchor) => anchor.hitStrokeWidth(16) : null)
      handleCircle.radius(touch ? HANDLE_RADIUS_PX * 1.5 : HANDLE_RADIUS_PX)
      handlePlus.scale({ x: touch ? 1.5 : 1, y: touch ? 1.5 : 1 })
    },
    isTransformerTarget(node) {
      for (let n: Konva.Node | null = node; n; n = n.getParent()) if (n === transformer) return true
      return false
    },
    draw: () => layer.batchDraw(),
  }
}
