import { intersects, sceneBounds } from '../scene/geometry.ts'
import { FRAME_TAB_H } from '../scene/kinds/frame.ts'
import type { Rect, SceneNode } from '../scene/types.ts'
import type { BoardDocument } from '../schema/document.ts'
import type { Element } from '../schema/elements.ts'

/** What a picture export draws: the board's scene (or a frame's part of it) and the board area it shows. */
export interface ExportRegion {
  scene: SceneNode
  /** Board coordinates of the picture: its top-left corner and size in board px (scale 1). */
  rect: Rect
}

export type RegionResult = { ok: true; value: ExportRegion } | { ok: false; error: 'frame_not_found' }

/** White space around the whole board, and around a frame, in board px. */
export const BOARD_MARGIN = 40
export const FRAME_MARGIN = 16

const boxRect = (element: Element): Rect | null =>
  element.kind === 'link' ? null : { x: element.x, y: element.y, width: element.w, height: element.h }

/**
 * `rect` grown by `margin` and out to whole board px, so that the picture at an integer
 * scale is exactly that many times as large (`?scale=2` doubles every side).
 */
function wholePixels(rect: Rect, margin: number): Rect {
  const x = Math.floor(rect.x - margin)
  const y = Math.floor(rect.y - margin)
  return {
    x,
    y,
    width: Math.ceil(rect.x + rect.width + margin) - x,
    height: Math.ceil(rect.y + rect.height + margin) - y,
  }
}

/**
 * The area a picture export shows. The whole board: the bounds of everything drawn, with a
 * margin. One frame (`frameId`): the frame with its title tab and a small margin, holding only
 * the elements whose box lies inside or overlaps the frame, and the links with an end among
 * them (a link is built from the whole board, so its other end is still where it is, and the
 * picture cuts it at the edge). Pure: the scene is the one `buildBoardScene` made of `document`.
 */
export function exportRegion(document: BoardDocument, scene: SceneNode, options: { frameId?: string } = {}): RegionResult {
  if (options.frameId === undefined) {
    const bounds = sceneBounds(scene) ?? { x: 0, y: 0, width: 320 - 2 * BOARD_MARGIN, height: 200 - 2 * BOARD_MARGIN }
    return { ok: true, value: { scene, rect: wholePixels(bounds, BOARD_MARGIN) } }
  }
  const frame = document.elements.find((element) => element.id === options.frameId && element.kind === 'frame')
  if (frame?.kind !== 'frame') return { ok: false, error: 'frame_not_found' }
  const area: Rect = { x: frame.x, y: frame.y - FRAME_TAB_H, width: frame.w, height: frame.h + FRAME_TAB_H }
  const inside = new Set<string>()
  for (const element of document.elements) {
    const rect = boxRect(element)
    if (rect && intersects(area, rect)) inside.add(element.id)
  }
  for (const element of document.elements) {
    if (element.kind === 'link' && (inside.has(element.from) || inside.has(element.to))) inside.add(element.id)
  }
  return {
    ok: true,
    value: {
      scene: { ...scene, children: (scene.children ?? []).filter((child) => inside.has(child.key)) },
      rect: wholePixels(area, FRAME_MARGIN),
    },
  }
}
