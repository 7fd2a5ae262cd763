import Konva from 'konva'
import { voteColors } from '../../../shared/scene/palette.ts'
import type { Point, Rect } from '../viewport.ts'

/** The dots' colour: a strong orange-red that no element kind uses, with a white ring (palette.ts). */
export const DOT_COLOR = voteColors.dot
const SLOT_COLOR = voteColors.slot
const PILL_FILL = 'rgba(255, 255, 255, 0.96)'
const PILL_STROKE = '#c9b8ad'
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif'

/** Screen px of one dot and the room between dots. */
const DOT_R = 8
const GAP = 5
const PAD = 5
/** own dots drawn one by one up to this; above it, one dot and the number */
const MAX_DRAWN = 6

/** One element in the open vote: where it is and this person's dots on it. */
export interface BallotSlot {
  id: string
  rect: Rect
  mine: number
  /** false for people whose role does not vote: the element is only marked */
  canVote: boolean
}

/** One element of a closed vote on the canvas: its place and total. */
export interface ResultBadge {
  id: string
  rect: Rect
  rank: number
  dots: number
  text: string
}

/** What a press on the layer asks for. */
export type VoteHit = { action: 'add' | 'remove'; id: string }

/**
 * Dot voting on the canvas, in a Konva layer of its own above the elements: during an open
 * vote each element in it gets a pill under its bottom edge with this person's own dots (a
 * press on one takes it back) and an empty slot with a plus (a press gives a dot); after the
 * vote each voted element gets a badge with its rank and total at its top-right corner. Only
 * this person's dots are ever drawn: the client has no one else's. Sizes stay the same on
 * screen at every zoom. The layer draws and hit-tests; what a press does is the caller's
 * (`hitAt`), so the canvas's own gestures never see a press on a dot.
 */
export interface VoteLayer {
  readonly layer: Konva.Layer
  showBallot(slots: readonly BallotSlot[], scale: number): void
  showResults(badges: readonly ResultBadge[], scale: number): void
  clear(): void
  /** what lies under a stage point (CSS px relative to the stage), or null */
  hitAt(screen: Point): VoteHit | null
  /** stage px of every target now drawn (tests and scripts): the add slots and own dots by element */
  targets(): { add: Record<string, Point>; remove: Record<string, Point[]>; badges: Record<string, string> }
  draw(): void
}

export function createVoteLayer(): VoteLayer {
  const layer = new Konva.Layer({ name: 'vote', listening: false })
  const root = new Konva.Group({ name: 'vote-root' })
  layer.add(root)

  const dot = (x: number, hit: VoteHit | null, id: string) =>
    new Konva.Circle({
      x,
      y: 0,
      radius: DOT_R,
      fill: DOT_COLOR,
      stroke: '#ffffff',
      strokeWidth: 2,
      name: hit ? `vote-dot vote-dot-${id}` : 'vote-dot',
      hitStrokeWidth: 6,
      ...(hit ? { voteAction: hit.action, voteId: hit.id } : { listening: false }),
    })

  const pill = (slot: BallotSlot, scale: number): Konva.Group => {
    const group = new Konva.Group({
      x: slot.rect.x + slot.rect.width / 2,
      y: slot.rect.y + slot.rect.height,
      scaleX: 1 / scale,
      scaleY: 1 / scale,
      name: `vote-slot vote-slot-${slot.id}`,
    })
    const items: (Konva.Shape | Konva.Group)[] = []
    let x = 0
    const step = 2 * DOT_R + GAP
    const drawn = Math.min(slot.mine, MAX_DRAWN)
    for (let i = 0; i < drawn; i++) {
      items.push(dot(x, { action: 'remove', id: slot.id }, slot.id))
      x += step
    }
    if (slot.mine > MAX_DRAWN) {
      const more = new Konva.Text({
        x: x - DOT_R,
        y: -7,
        text: `+${slot.mine - MAX_DRAWN}`,
        fontSize: 13,
        fontStyle: '600',
        fontFamily: FONT,
        fill: DOT_COLOR,
        listening: false,
      })
      items.push(more)
      x += more.width() + GAP
    }
    if (slot.canVote) {
      const plus = new Konva.Group({ x, y: 0, name: `vote-add vote-add-${slot.id}` })
      plus.add(
        new Konva.Circle({
          radius: DOT_R,
          fill: '#ffffff',
          stroke: SLOT_COLOR,
          strokeWidth: 1.5,
          dash: [3, 2],
          listening: false,
        }),
        new Konva.Path({ data: 'M -4 0 L 4 0 M 0 -4 L 0 4', stroke: SLOT_COLOR, strokeWidth: 2, listening: false }),
      )
      // a wider invisible target around the slot: easy to hit with a finger too
      plus.add(
        new Konva.Circle({ radius: DOT_R + 6, fill: 'transparent', name: 'vote-target', voteAction: 'add', voteId: slot.id }),
      )
      items.push(plus)
      x += step
    } else if (slot.mine === 0) {
      items.push(
        new Konva.Circle({ x, y: 0, radius: DOT_R - 2, stroke: SLOT_COLOR, strokeWidth: 1.5, dash: [3, 2], listening: false }),
      )
      x += step
    }
    const width = x - GAP + 2 * PAD
    const offset = -(width / 2) + PAD + DOT_R
    const background = new Konva.Rect({
      x: -width / 2,
      y: -DOT_R - PAD,
      width,
      height: 2 * (DOT_R + PAD),
      cornerRadius: DOT_R + PAD,
      fill: PILL_FILL,
      stroke: PILL_STROKE,
      strokeWidth: 1,
      shadowColor: '#000000',
      shadowOpacity: 0.12,
      shadowBlur: 4,
      shadowOffsetY: 1,
      listening: false,
    })
    group.add(background)
    for (const item of items) {
      item.x(item.x() + offset)
      group.add(item)
    }
    return group
  }

  const badge = (result: ResultBadge, scale: number): Konva.Label => {
    const first = result.rank === 1
    const label = new Konva.Label({
      x: result.rect.x + result.rect.width,
      y: result.rect.y,
      scaleX: 1 / scale,
      scaleY: 1 / scale,
      listening: false,
      name: `vote-badge vote-badge-${result.id}`,
      badgeOf: result.id,
    })
    label.add(
      new Konva.Tag({
        fill: first ? voteColors.first : DOT_COLOR,
        stroke: first ? voteColors.firstEdge : voteColors.ring,
        strokeWidth: first ? 1.5 : 1.5,
        cornerRadius: 11,
        shadowColor: '#000000',
        shadowOpacity: 0.18,
        shadowBlur: 4,
        shadowOffsetY: 1,
      }),
    )
    label.add(
      new Konva.Text({
        text: result.text,
        fontSize: 13,
        fontStyle: '700',
        fontFamily: FONT,
        padding: 5,
        fill: first ? voteColors.firstText : '#ffffff',
      }),
    )
    // just above the top-right corner, clear of the element's label and of selection outlines
    label.offsetX(label.width())
    label.offsetY(label.height() + 8)
    return label
  }

  return {
    layer,
    showBallot(slots, scale) {
      root.destroyChildren()
      for (const slot of slots) root.add(pill(slot, scale))
    },
    showResults(badges, scale) {
      root.destroyChildren()
      for (const result of badges) root.add(badge(result, scale))
    },
    clear() {
      root.destroyChildren()
    },
    hitAt(screen) {
      // by geometry, not by the hit canvas: that is redrawn a frame later, and a press right
      // after a change must find the slot where it is now
      const under = (name: string): VoteHit | null => {
        for (const node of root.find(name)) {
          const circle = node as Konva.Circle
          const centre = circle.getAbsolutePosition()
          const radius = circle.radius() * circle.getAbsoluteScale().x
          if (Math.hypot(screen.x - centre.x, screen.y - centre.y) > radius) continue
          const action = circle.getAttr('voteAction') as VoteHit['action'] | undefined
          const id = circle.getAttr('voteId') as string | undefined
          if (action && id) return { action, id }
        }
        return null
      }
      return under('.vote-dot') ?? under('.vote-target')
    },
    targets() {
      const add: Record<string, Point> = {}
      const remove: Record<string, Point[]> = {}
      for (const node of root.find('.vote-dot')) {
        const id = node.getAttr('voteId') as string | undefined
        if (!id) continue
        remove[id] = [...(remove[id] ?? []), node.getAbsolutePosition()]
      }
      for (const node of root.find('.vote-add')) {
        const id = (node as Konva.Group).findOne('.vote-target')?.getAttr('voteId') as string | undefined
        if (id) add[id] = node.getAbsolutePosition()
      }
      const badges: Record<string, string> = {}
      for (const node of root.find('.vote-badge'))
        badges[node.getAttr('badgeOf') as string] = (node as Konva.Label).getText().text()
      return { add, remove, badges }
    },
    draw: () => layer.batchDraw(),
  }
}
