import Konva from 'konva'
import type { Awareness } from 'y-protocols/awareness'
import { prefersReducedMotion } from '../a11y/motion.ts'
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

/** How far a cursor moves towards its target per frame (smooths 20 Hz updates to 60 fps; 1 with reduced motion). */
const EASE = 0.35
/** The laser pointer: its colour and how long a point of its trail stays (fading out). */
export const LASER_COLOR = '#e5251b'
export const LASER_TRAIL_MS = 700
/** The key of this client's own trail (drawn locally from every pointer move). */
const OWN = -1

type TrailPoint = { x: number; y: number; t: number }
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
 * divided by the zoom so arrows and tags stay the same size on screen. A peer with the laser
 * pointer on (`laser` in awareness) leaves a red trail behind its (eased) cursor that fades
 * within 0.7 s; this client's own laser trail (`pushOwnLaser`) is drawn the same way.
 */
export function createPeerLayer(options: PeerLayerOptions) {
  const layer = new Konva.Layer({ listening: false, name: 'peer-presence' })
  const outlines = new Konva.Group()
  const cursors = new Konva.Group()
  const trails = new Map<number, TrailPoint[]>()
  const lasers = new Konva.Shape({
    sceneFunc: (context) => {
      const now = performance.now()
      const scale = options.scale()
      const ctx = context._context
      ctx.lineCap = 'round'
      ctx.lineJoin = 'round'
      for (const trail of trails.values()) {
        for (let i = 1; i < trail.length; i++) {
          const a = trail[i - 1] as TrailPoint
          const b = trail[i] as TrailPoint
          const life = 1 - (now - b.t) / LASER_TRAIL_MS
          if (life <= 0) continue
          ctx.globalAlpha = life * 0.9
          ctx.strokeStyle = LASER_COLOR
          ctx.lineWidth = (2 + 4 * life) / scale
          ctx.beginPath()
          ctx.moveTo(a.x, a.y)
          ctx.lineTo(b.x, b.y)
          ctx.stroke()
        }
      }
      ctx.globalAlpha = 1
    },
  })
  const heads = new Konva.Group()
  layer.add(outlines, lasers, heads, cursors)
  layer.getNativeCanvasElement().dataset.layer = 'peer-presence'
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

  const pushTrail = (key: number, x: number, y: number, now: number) => {
    let trail = trails.get(key)
    if (!trail) {
      trail = []
      trails.set(key, trail)
    }
    const last = trail[trail.length - 1]
    if (!last || Math.abs(last.x - x) > 0.01 || Math.abs(last.y - y) > 0.01) trail.push({ x, y, t: now })
  }
  /** drops faded points; true while some trail still shows */
  const ageTrails = (now: number) => {
    for (const [key, trail] of trails) {
      let keep = 0
      while (keep < trail.length && now - (trail[keep] as TrailPoint).t > LASER_TRAIL_MS) keep++
      // the last faded point stays as the start of the next segment
      if (keep > 0) trail.splice(0, keep - 1)
      if (trail.length === 0 || now - (trail[trail.length - 1] as TrailPoint).t > LASER_TRAIL_MS) trails.delete(key)
    }
    return trails.size > 0
  }

  const step = () => {
    frame = null
    const scale = options.scale()
    const now = performance.now()
    let moving = false
    // less motion asked for: cursors jump to where they are instead of gliding there
    const ease = prefersReducedMotion() ? 1 : EASE
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
        node.x += dx * ease
        node.y += dy * ease
        moving = true
      } else {
        node.x = node.tx
        node.y = node.ty
      }
      node.group.setAttrs({ x: node.x, y: node.y, scaleX: 1 / scale, scaleY: 1 / scale })
    }
    // laser: a trail behind each laser cursor, a dot at its head
    heads.destroyChildren()
    for (const peer of peers) {
      const node = peer.laser && peer.cursor ? nodes.get(peer.clientId) : undefined
      if (!node) continue
      pushTrail(peer.clientId, node.x, node.y, now)
      heads.add(new Konva.Circle({ x: node.x, y: node.y, radius: 6 / scale, fill: LASER_COLOR, opacity: 0.9 }))
    }
    const ownHead = trails.get(OWN)?.at(-1)
    if (ownHead && now - ownHead.t < LASER_TRAIL_MS)
      heads.add(new Konva.Circle({ x: ownHead.x, y: ownHead.y, radius: 6 / scale, fill: LASER_COLOR, opacity: 0.9 }))
    if (ageTrails(now)) moving = true
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
    /** this client's laser pointer is at `point` (board coordinates): its trail shows here too */
    pushOwnLaser(point: { x: number; y: number }) {
      pushTrail(OWN, point.x, point.y, performance.now())
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
