import Konva from 'konva'
import { createEffect, onCleanup } from 'solid-js'
import type { BoardDiff } from '../../../shared/diff/diff-documents.ts'
import type { MessageKey, Translator } from '../../../shared/i18n/index.ts'
import { highlightColors } from '../../../shared/scene/palette.ts'
import type { BoardDocument } from '../../../shared/schema/document.ts'
import type { Element } from '../../../shared/schema/elements.ts'
import { type DrawingSurface, snapshotDoc } from '../../board/snapshot-view.ts'
import { type BoardRenderer, createBoardRenderer } from '../../canvas/render/board-renderer.ts'
import type { Rect } from '../../canvas/viewport.ts'

export type DiffMark = 'added' | 'removed' | 'changed'

/** The badge of each kind: a symbol and a shape, so that colour is never the only difference. */
export const DIFF_BADGES: Readonly<Record<DiffMark, { symbol: string; shape: 'circle' | 'square' | 'diamond' }>> = {
  added: { symbol: '+', shape: 'circle' },
  removed: { symbol: '−', shape: 'square' },
  changed: { symbol: '✎', shape: 'diamond' },
}

const GHOST_OPACITY = 0.4
const BADGE_PX = 20

/** The elements a ghost document needs: the removed ones, plus the ends of removed links (drawn invisible). */
export function ghostDocument(diff: BoardDiff, from: BoardDocument): { document: BoardDocument; helperIds: Set<string> } {
  const byId = new Map(from.elements.map((element) => [element.id, element]))
  const removedIds = new Set(diff.removed.map((element) => element.id))
  const helpers = new Map<string, Element>()
  for (const element of diff.removed) {
    if (element.kind !== 'link') continue
    for (const end of [element.from, element.to]) {
      const other = byId.get(end)
      if (other && !removedIds.has(end)) helpers.set(end, other)
    }
  }
  return {
    document: { ...from, elements: [...diff.removed, ...helpers.values()] },
    helperIds: new Set(helpers.keys()),
  }
}

/**
 * Draws a diff on a surface (the live canvas, or the `to` snapshot's stage): added and changed
 * elements get the renderer's `diff-added` / `diff-changed` outlines (solid / dash-dot),
 * removed ones are ghosts rendered from the `from` document on a layer of their own (faded,
 * `diff-removed` dashed outline), and every one gets a badge (+, −, ✎ in different shapes)
 * that keeps its screen size. Call inside a reactive owner; everything is removed with it.
 * Returns the bounds of a diff entry, for zooming to it from the list.
 */
export function drawDiff(
  surface: DrawingSurface,
  diff: BoardDiff,
  from: BoardDocument,
  options: { t: Translator<MessageKey>; locale: string },
): { boundsOf(id: string): Rect | null } {
  const addedIds = diff.added.map((element) => element.id)
  const changedIds = diff.changed.map((change) => change.id)
  const removedIds = diff.removed.map((element) => element.id)
  surface.renderer.setHighlight(addedIds, 'diff-added')
  surface.renderer.setHighlight(changedIds, 'diff-changed')

  let ghost: BoardRenderer | null = null
  let ghostDoc: ReturnType<typeof snapshotDoc> | null = null
  let removeGhostLayer = () => {}
  if (removedIds.length > 0) {
    const { document, helperIds } = ghostDocument(diff, from)
    ghostDoc = snapshotDoc(document)
    const renderer = createBoardRenderer({
      doc: ghostDoc,
      t: options.t,
      locale: options.locale,
      cache: false,
      // every ghost's own group is faded (or hidden) below: no level-of-detail drawing
      levelOfDetail: false,
    })
    ghost = renderer
    renderer.layer.listening(false)
    renderer.layer.name('diff-ghosts')
    const fade = () => {
      for (const id of removedIds) renderer.nodeOf(id)?.opacity(GHOST_OPACITY)
      // link ends are only there so that a removed link can be drawn between them
      for (const id of helperIds) renderer.nodeOf(id)?.opacity(0)
    }
    const offChange = renderer.onChange(fade)
    renderer.flush()
    fade()
    renderer.setHighlight(removedIds, 'diff-removed')
    const removeLayer = surface.addLayer(renderer.layer)
    removeGhostLayer = () => {
      offChange()
      removeLayer()
    }
  }

  const boundsOf = (id: string): Rect | null => surface.renderer.boundsOf(id) ?? ghost?.boundsOf(id) ?? null

  // Badges: top-left corner of each outline, constant screen size.
  const badges = new Konva.Layer({ listening: false, name: 'diff-badges' })
  const removeBadges = surface.addLayer(badges)
  const marks: [string, DiffMark][] = [
    ...addedIds.map((id): [string, DiffMark] => [id, 'added']),
    ...changedIds.map((id): [string, DiffMark] => [id, 'changed']),
    ...removedIds.map((id): [string, DiffMark] => [id, 'removed']),
  ]
  const drawBadges = () => {
    badges.destroyChildren()
    const size = BADGE_PX / (surface.viewport().scale || 1)
    for (const [id, mark] of marks) {
      const bounds = boundsOf(id)
      if (!bounds) continue
      const { symbol, shape } = DIFF_BADGES[mark]
      const colour = highlightColors[`diff-${mark}`]
      const group = new Konva.Group({ x: bounds.x - size / 2, y: bounds.y - size / 2, name: `diff-badge diff-badge-${mark}`, id })
      const common = { fill: colour, stroke: '#ffffff', strokeWidth: 1.5, strokeScaleEnabled: false }
      if (shape === 'circle') group.add(new Konva.Circle({ x: size / 2, y: size / 2, radius: size / 2, ...common }))
      else if (shape === 'square') group.add(new Konva.Rect({ width: size, height: size, cornerRadius: size / 6, ...common }))
      else group.add(new Konva.RegularPolygon({ x: size / 2, y: size / 2, sides: 4, radius: size * 0.62, ...common }))
      group.add(
        new Konva.Text({
          width: size,
          height: size,
          text: symbol,
          align: 'center',
          verticalAlign: 'middle',
          fontSize: size * 0.72,
          fontStyle: 'bold',
          fill: '#ffffff',
        }),
      )
      badges.add(group)
    }
    badges.batchDraw()
  }
  createEffect(drawBadges)
  // live elements move under the badges (someone drags while we compare)
  const offSurface = surface.renderer.onChange(() => drawBadges())

  onCleanup(() => {
    offSurface()
    removeBadges()
    badges.destroy()
    surface.renderer.setHighlight([], 'diff-added')
    surface.renderer.setHighlight([], 'diff-changed')
    removeGhostLayer()
    ghost?.destroy()
    ghostDoc?.destroy()
  })
  return { boundsOf }
}
