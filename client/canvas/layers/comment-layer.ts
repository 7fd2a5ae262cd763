import Konva from 'konva'
import type { Rect } from '../viewport.ts'

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif'
/** The badge's colours: the app's info blue on white text (contrast 8.3:1), a white ring. */
const FILL = '#24527a'
const RING = '#ffffff'
/** a speech bubble, 14 × 13 px */
const BUBBLE = 'M 2 0 H 12 A 2 2 0 0 1 14 2 V 8 A 2 2 0 0 1 12 10 H 6 L 3 13 V 10 H 2 A 2 2 0 0 1 0 8 V 2 A 2 2 0 0 1 2 0 Z'

/** An element with open comment threads: where it is and how many. */
export interface CommentBadge {
  id: string
  rect: Rect
  count: number
}

/**
 * Comment badges on the canvas, in a Konva layer of its own above the elements: each element
 * with open threads gets a small speech bubble and their number just above its top-left corner
 * (vote badges take the top-right one). The same size on screen at every zoom; it listens to
 * nothing (the Comments tab is where threads are read and written).
 */
export interface CommentLayer {
  readonly layer: Konva.Layer
  show(badges: readonly CommentBadge[], scale: number): void
  /** the count each badge shows, by element id (tests and scripts) */
  targets(): Record<string, string>
  draw(): void
}

export function createCommentLayer(): CommentLayer {
  const layer = new Konva.Layer({ name: 'comments', listening: false })
  const root = new Konva.Group({ name: 'comment-root' })
  layer.add(root)

  const badge = (item: CommentBadge, scale: number): Konva.Group => {
    const group = new Konva.Group({
      x: item.rect.x,
      y: item.rect.y,
      scaleX: 1 / scale,
      scaleY: 1 / scale,
      name: `comment-badge comment-badge-${item.id}`,
      badgeOf: item.id,
      listening: false,
    })
    const text = new Konva.Text({
      x: 24,
      y: 4,
      text: String(item.count),
      fontSize: 12,
      fontStyle: '700',
      fontFamily: FONT,
      fill: '#ffffff',
      name: 'comment-count',
    })
    const width = 24 + text.width() + 7
    group.add(
      new Konva.Rect({
        width,
        height: 21,
        cornerRadius: 10.5,
        fill: FILL,
        stroke: RING,
        strokeWidth: 1.5,
        shadowColor: '#000000',
        shadowOpacity: 0.18,
        shadowBlur: 4,
        shadowOffsetY: 1,
      }),
      new Konva.Path({ x: 6, y: 4, data: BUBBLE, fill: '#ffffff' }),
      text,
    )
    // just above the top-left corner, clear of the element's label and of selection outlines
    group.offsetY(21 + 8)
    return group
  }

  return {
    layer,
    show(badges, scale) {
      root.destroyChildren()
      for (const item of badges) root.add(badge(item, scale))
    },
    targets() {
      const counts: Record<string, string> = {}
      for (const node of root.find('.comment-badge'))
        counts[node.getAttr('badgeOf') as string] = (node as Konva.Group).findOne<Konva.Text>('.comment-count')?.text() ?? ''
      return counts
    },
    draw: () => layer.batchDraw(),
  }
}
