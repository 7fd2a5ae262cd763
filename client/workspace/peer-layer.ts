import Konva from 'konva'
import type { Awareness } from 'y-protocols/awareness'
import { otherPeerStates, type PeerState } from '../board/peer-states.ts'

type Bounds = { x: number; y: number; w: number; h: number }

export interface PeerLayerOptions {
  awareness: Awareness
  /** current zoom: cursors and tags keep their screen size */
  scale(): number
  /** an element's drawn bounds in board coordinates, or null */
  boundsOf(id: string): Bounds | null
  /** text of a selection tag: the person's name */
  tagText(peer: PeerState): string
}

/** How far a cursor moves towards its target per frame (smooths 20 Hz updates to 60 fps). */
const EASE = 0.35
const ARROW = 'M0 0 L0 17 L4.5 12.5 L8 20 L11 18.5 L7.5 11.5 L13.5 11.5 Z'

interface CursorNode {
  group: Konva.Group
  label: Konva.Label
  text: Konva.Text
  x: number
  y: number
  tx: number
  ty: number
}

/**
 * Others' cursors (arrow + name in their colour) and selections (outline + name tag) on one
 * Konva layer of their own, redrawn at most once per animation frame. Positions come from
 * awareness in board coordinates; the stage's transform puts them on screen, and sizes are
 * divided by the zoom so arrows and tags stay the same size on screen.
 */
export function createPeerLayer(options: PeerLayerOptions) {
  const layer = new Konva.Layer({ listening: false, name: 'peer-presence' })
  const outlines = new Konva.Group()
  const cursors = new Konva.Group()
  layer.add(outlines, cursors)
  const nodes = new Map<number, CursorNode>()
  let peers: PeerState[] = []
  let frame: number | null = null
  let structureDirty = true

  const makeCursor = (peer: PeerState): CursorNode => {
    const group = new Konva.Group({ name: `cursor-${peer.clientId}` })
    const arrow = new Konva.Path({ data: ARROW, fill: peer.user.color, stroke: '#ffffff', strokeWidth: 1.2 })
    const label = new Konva.Label({ x: 12, y: 20 })
    label.add(new Konva.Tag({ fill: peer.user.color, cornerRadius: 4 }))
    const text = new Konva.Text({ text: peer.user.name, fontSize: 12, fontStyle: '600', padding: 4, fill: '#ffffff' })
    text.fontFamily('system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif')
    label.add(text)
    group.add(arrow, label)
    cursors.add(group)
    const at = peer.cursor ?? { x: 0, y: 0 }
    return { group, label, text, x: at.x, y: at.y, tx: at.x, ty: at.y }
  }

  const drawOutlines = () => {
    outlines.destroyChildren()
    const scale = options.scale()
    for (const peer of peers) {
      let tagged = false
      for (const id of peer.selection) {
        const box = options.boundsOf(id)
        if (!box) continue
        const pad = 4 / scale
        outlines.add(
          new Konva.Rect({
            x: box.x - pad,
            y: box.y - pad,
            width: box.w + 2 * pad,
            height: box.h + 2 * pad,
            stroke: peer.user.color,
            strokeWidth: 2 / scale,
            dash: [6 / scale, 3 / scale],
            cornerRadius: 4 / scale,
          }),
        )
        if (!tagged) {
          tagged = true
          const tag = new Konva.Label({ x: box.x - pad, y: box.y - pad, scaleX: 1 / scale, scaleY: 1 / scale })
          tag.add(
            new Konva.Tag({
              fill: peer.user.color,
              cornerRadius: 3,
              pointerDirection: 'down',
              pointerWidth: 8,
              pointerHeight: 5,
            }),
          )
          tag.add(new Konva.Text({ text: options.tagText(peer), fontSize: 11, fontStyle: '600', padding: 3, fill: '#ffffff' }))
          tag.offsetY(tag.height())
          outlines.add(tag)
        }
      }
    }
  }

  const step = () => {
    frame = null
    const scale = options.scale()
    let moving = false
    if (structureDirty) {
      structureDirty = false
      const seen = new Set<number>()
      for (const peer of peers) {
        if (!peer.cursor) continue
        seen.add(peer.clientId)
        let node = nodes.get(peer.clientId)
        if (!node) {
          node = makeCursor(peer)
          nodes.set(peer.clientId, node)
        }
        node.tx = peer.cursor.x
        node.ty = peer.cursor.y
        if (node.text.text() !== peer.user.name) node.text.text(peer.user.name)
      }
      for (const [clientId, node] of nodes) {
        if (seen.has(clientId)) continue
        node.group.destroy()
        nodes.delete(clientId)
      }
      drawOutlines()
    }
    for (const node of nodes.values()) {
      const dx = node.tx - node.x
      const dy = node.ty - node.y
      if (Math.abs(dx) * scale > 0.5 || Math.abs(dy) * scale > 0.5) {
        node.x += dx * EASE
        node.y += dy * EASE
        moving = true
      } else {
        node.x = node.tx
        node.y = node.ty
      }
      node.group.setAttrs({ x: node.x, y: node.y, scaleX: 1 / scale, scaleY: 1 / scale })
    }
    layer.batchDraw()
    if (moving) schedule()
  }

  function schedule() {
    frame ??= requestAnimationFrame(step)
  }

  const onAwareness = () => {
    peers = otherPeerStates(options.awareness)
    structureDirty = true
    schedule()
  }
  options.awareness.on('change', onAwareness)
  onAwareness()

  return {
    layer,
    /** the zoom or the elements changed: outlines and sizes follow */
    invalidate() {
      structureDirty = true
      schedule()
    },
    /** a peer's cursor in board coordinates (for "go to"), or null */
    cursorOf(clientId: number) {
      return peers.find((peer) => peer.clientId === clientId)?.cursor ?? null
    },
    destroy() {
      options.awareness.off('change', onAwareness)
      if (frame !== null) cancelAnimationFrame(frame)
      layer.destroy()
    },
  }
}

export type PeerLayer = ReturnType<typeof createPeerLayer>

/** Reads a bounds value whatever its shape (`w/h` or `width/height`). */
export function toBounds(value: unknown): Bounds | null {
  if (typeof value !== 'object' || value === null) return null
  const r = value as Record<string, unknown>
  const w = typeof r.w === 'number' ? r.w : r.width
  const h = typeof r.h === 'number' ? r.h : r.height
  if (typeof r.x !== 'number' || typeof r.y !== 'number' || typeof w !== 'number' || typeof h !== 'number') return null
  return { x: r.x, y: r.y, w, h }
}
