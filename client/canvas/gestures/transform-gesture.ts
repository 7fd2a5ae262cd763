import { createTimeline, snapPhaseBox } from '../../../shared/scene/timeline.ts'
import { canChange, refusalFor } from '../actions/editing-rules.ts'
import { boxOf } from '../board-geometry.ts'
import type { CanvasCore } from '../canvas-core.ts'
import { createFrameTask } from '../frame-scheduler.ts'
import { minSizeOf } from '../new-element.ts'
import { isCreationTool } from '../tools.ts'
import type { Rect } from '../viewport.ts'

const allAnchors = [
  'top-left',
  'top-center',
  'top-right',
  'middle-right',
  'middle-left',
  'bottom-left',
  'bottom-center',
  'bottom-right',
]
const horizontalAnchors = ['middle-left', 'middle-right']

/**
 * Resizing with Konva's Transformer. It transforms an invisible proxy box in the overlay; the
 * element itself follows through the renderer's preview, and the new box is written once, on
 * release (`element.resize`; a phase also gets its new months, in the same undo step).
 */
export function attachTransformGesture(core: CanvasCore): { sync(): void; detach(): void } {
  const { overlay, renderer, session } = core
  const { transformer, proxy } = overlay
  let targetId: string | null = null

  const timeline = () => createTimeline(session.connection.doc.getMap('settings').get('timelineOrigin'))

  const proxyBox = (): Rect => ({
    x: proxy.x(),
    y: proxy.y(),
    width: Math.max(1, proxy.width() * proxy.scaleX()),
    height: Math.max(1, proxy.height() * proxy.scaleY()),
  })

  /** The box the element gets: a phase snaps to whole months (horizontally only). */
  const resultBox = (id: string, box: Rect): Rect & { start?: string; end?: string } => {
    const element = core.elements()[id]
    if (element?.kind !== 'phase')
      return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) }
    const snapped = snapPhaseBox({ x: box.x, w: box.width }, timeline())
    const original = boxOf(element)
    return {
      x: snapped.x,
      y: original?.y ?? box.y,
      width: snapped.w,
      height: original?.height ?? box.height,
      start: snapped.start,
      end: snapped.end,
    }
  }

  const preview = createFrameTask(() => {
    if (!targetId) return
    const box = resultBox(targetId, proxyBox())
    renderer.setPreview('local', new Map([[targetId, { x: box.x, y: box.y, w: box.width, h: box.height }]]))
    core.liveResize = { id: targetId, box }
  })

  proxy.on('transform', () => preview.schedule())
  proxy.on('transformend', () => {
    preview.flush()
    const id = targetId
    const live = core.liveResize
    core.liveResize = null
    if (!id || !live) return
    const target = core.elements()[id]
    const refused = target ? refusalFor(target, session.role()) : null
    if (refused) {
      // locked while it was being resized: it keeps its size
      core.tellRefused(refused)
      renderer.setPreview('local', new Map())
      sync()
      return
    }
    const before = boxOf(core.elements()[id])
    const box = resultBox(id, proxyBox())
    const changed =
      !before || before.x !== box.x || before.y !== box.y || before.width !== box.width || before.height !== box.height
    if (changed) {
      const resize = { type: 'element.resize' as const, id, x: box.x, y: box.y, w: box.width, h: box.height }
      if (box.start && box.end) {
        core.applyAll([resize, { type: 'element.update', id, fields: { start: box.start, end: box.end } }])
      } else core.apply(resize)
    }
    renderer.setPreview('local', new Map())
    sync()
  })

  transformer.boundBoxFunc((oldBox, newBox) => {
    if (!targetId) return newBox
    const min = minSizeOf(core.elements()[targetId]?.kind ?? '')
    const scale = core.viewport().scale
    if (newBox.width < min.w * scale || newBox.height < min.h * scale) return oldBox
    return newBox
  })

  /** Puts the transformer on the one selected box, or hides it. */
  function sync() {
    const ids = session.selection.ids()
    const id = ids.length === 1 ? ids[0] : undefined
    const element = id ? core.elements()[id] : undefined
    const box = boxOf(element)
    const active = Boolean(
      id &&
        box &&
        core.canEdit &&
        canChange(element, session.role()) &&
        !core.liveMove &&
        core.editing() !== id &&
        // with a creation tool armed a tap places something: no anchors to catch it (a fingertip's are large)
        !isCreationTool(core.tool()),
    )
    if (!active || !id || !box) {
      targetId = null
      if (transformer.nodes().length > 0) transformer.nodes([])
      return
    }
    if (core.liveResize) return
    targetId = id
    proxy.setAttrs({ x: box.x, y: box.y, width: box.width, height: box.height, scaleX: 1, scaleY: 1 })
    transformer.enabledAnchors(element?.kind === 'phase' ? horizontalAnchors : allAnchors)
    if (transformer.nodes()[0] !== proxy) transformer.nodes([proxy])
    else transformer.forceUpdate()
  }

  return {
    sync,
    detach() {
      preview.cancel()
      proxy.off('transform')
      proxy.off('transformend')
    },
  }
}
