import { formatMonthSpan } from '../../../shared/scene/text.ts'
import { createTimeline, monthSpan, snapPhaseBox } from '../../../shared/scene/timeline.ts'
import { newElementId } from '../../../shared/schema/ids.ts'
import { locale, t } from '../../i18n/locale.ts'
import { canChange, refusalFor } from '../actions/editing-rules.ts'
import { boxOf, defaultRelation, type ElementLike, linkableKinds, withFrameContents } from '../board-geometry.ts'
import type { CanvasCore } from '../canvas-core.ts'
import { createFrameTask } from '../frame-scheduler.ts'
import { HANDLE_RADIUS_PX } from '../layers/overlay-layer.ts'
import { drawnBox } from '../new-element.ts'
import { createSnapIndex, type SnapIndex, snapBox } from '../snapping.ts'
import { type DrawingTool, isCreationTool, isDrawingTool } from '../tools.ts'
import { type Point, type Rect, rectFromPoints, unionRect, visibleRect } from '../viewport.ts'

/** Screen px a press must travel before it becomes a drag (a click below that). */
const DRAG_THRESHOLD_PX = 4
const SNAP_DISTANCE_PX = 6
/**
 * Touch has no hover: the link handle shows beside the one selected card instead, this far
 * outside its right edge (clear of the transformer's anchor there), and takes a fingertip
 * (a 48 px target) rather than the mouse's 26.
 */
const TOUCH_HANDLE_OFFSET_PX = 34
const TOUCH_HANDLE_HIT_PX = 24
/** Two taps on one card within this time are a double tap: its label opens for typing. */
const DOUBLE_TAP_MS = 400

type Mode =
  | { kind: 'idle' }
  | { kind: 'pan'; follow: (now: Point) => void }
  | { kind: 'pinch'; follow: (a: Point, b: Point) => void }
  | { kind: 'marquee'; start: Point; additive: boolean; base: readonly string[] }
  | { kind: 'press'; start: Point; startScreen: Point; hitId: string; wasSelected: boolean; shift: boolean }
  | { kind: 'move'; start: Point; ids: string[]; boxes: Map<string, Rect>; union: Rect; snap: SnapIndex }
  | { kind: 'link'; from: string; origin: Point; target: string | null; startScreen: Point; waiting: boolean }
  | { kind: 'draw'; tool: DrawingTool; start: Point; startScreen: Point; dragged: boolean }

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y)

/**
 * Mouse, pen and touch on the canvas, as one state machine on pointer events. Move events
 * only record the latest pointer and schedule a frame; the frame does the work (DESIGN.md,
 * "Canvas performance"). A move is shown through the renderer's preview and awareness, and
 * written once on drop (DESIGN.md, "Drag through awareness, commit on drop").
 */
export interface PointerGestures {
  /** the pointer over the canvas, in board coordinates */
  pointer(): Point | null
  isSpaceHeld(): boolean
  setSpaceHeld(held: boolean): void
  /** Escape: drops a move, marquee or link in progress without writing; true if there was one */
  cancel(): boolean
  /** re-evaluates the hover (handle, cursor) after the view or the elements changed under a still pointer */
  refresh(): void
  detach(): void
}

export function attachPointerGestures(core: CanvasCore): PointerGestures {
  const { host, renderer, overlay, session } = core
  let mode: Mode = { kind: 'idle' }
  let hostRect = host.getBoundingClientRect()
  let latest: { screen: Point; altKey: boolean; shiftKey: boolean; pointerType: string } | null = null
  let pointerBoard: Point | null = null
  let spaceHeld = false
  let handleOf: { id: string; at: Point } | null = null
  const touches = new Map<number, Point>()
  /** the selection before the first finger came down: a second finger makes it a pinch, which selects nothing */
  let selectionBeforeTouch: readonly string[] = []
  let lastTap: { id: string; at: number } | null = null
  let touchSized = false
  const timeline = () => createTimeline(session.connection.doc.getMap('settings').get('timelineOrigin'))

  /** What the rectangle being drawn will make: a phase's months, a zone's or frame's size. */
  const draftCaption = (tool: DrawingTool, box: { x: number; w: number; h: number }): string => {
    if (tool !== 'phase') return `${box.w} × ${box.h}`
    const { start, end } = snapPhaseBox(box, timeline())
    return `${formatMonthSpan(start, end, locale())} · ${t('scene.phase.months', { count: monthSpan(start, end) })}`
  }

  /**
   * The element a press at `board` picks. A frame is picked by its title or its border only,
   * so a marquee can start inside it (as in Excalidraw and Miro).
   */
  const pickAt = (board: Point): string | null => {
    const id = renderer.elementAt(board)
    const element = id ? core.elements()[id] : undefined
    const box = boxOf(element)
    if (!id || !box || element?.kind !== 'frame') return id
    const edge = 8 / core.viewport().scale
    const onBorder =
      board.y < box.y + edge ||
      board.x < box.x + edge ||
      board.x > box.x + box.width - edge ||
      board.y > box.y + box.height - edge
    return onBorder ? id : null
  }

  const screenOf = (e: { clientX: number; clientY: number }): Point => ({
    x: e.clientX - hostRect.left,
    y: e.clientY - hostRect.top,
  })
  const selection = session.selection

  const movableSelection = (): string[] => {
    const elements = core.elements()
    const ids = selection.ids().filter((id) => boxOf(elements[id]) !== null && canChange(elements[id], session.role()))
    return withFrameContents(ids, elements).filter((id) => canChange(elements[id], session.role()))
  }

  const handlePoint = (id: string): Point | null => {
    const box = boxOf(core.elements()[id])
    return box ? { x: box.x + box.width, y: box.y + box.height / 2 } : null
  }

  const updateHover = (board: Point) => {
    if (core.tool() !== 'select' || !core.canEdit || core.editing()) {
      if (handleOf) {
        handleOf = null
        overlay.setHandle(null, 1)
        overlay.draw()
      }
      return
    }
    const scale = core.viewport().scale
    // Keep the handle while the pointer is on it, though it sticks out of its element.
    if (handleOf && distance(board, handleOf.at) <= (HANDLE_RADIUS_PX + 4) / scale) {
      core.setCursor('crosshair')
      return
    }
    const id = renderer.elementAt(board)
    const element = id ? core.elements()[id] : undefined
    const at =
      id && element && linkableKinds.includes(element.kind) && canChange(element, session.role()) ? handlePoint(id) : null
    const next = at && id ? { id, at } : null
    if (next?.id !== handleOf?.id || (next && handleOf && distance(next.at, handleOf.at) > 0.01)) {
      handleOf = next
      overlay.setHandle(next?.at ?? null, scale)
      overlay.draw()
    }
    core.setCursor(id && selection.has(id) && core.canEdit ? 'move' : 'default')
  }

  /** Touch: the handle of the one selected linkable card, beside it (there is no hover to show it). */
  const updateTouchHandle = () => {
    const ids = selection.ids()
    const id = ids.length === 1 ? ids[0] : undefined
    const element = id ? core.elements()[id] : undefined
    const box = boxOf(element)
    const scale = core.viewport().scale
    const shown =
      core.tool() === 'select' &&
      core.canEdit &&
      !core.editing() &&
      id !== undefined &&
      element !== undefined &&
      box !== null &&
      linkableKinds.includes(element.kind) &&
      canChange(element, session.role())
    handleOf = shown ? { id, at: { x: box.x + box.width + TOUCH_HANDLE_OFFSET_PX / scale, y: box.y + box.height / 2 } } : null
    overlay.setHandle(handleOf?.at ?? null, scale)
    overlay.draw()
  }

  const onHandle = (board: Point) => {
    const reach = latest?.pointerType === 'touch' ? TOUCH_HANDLE_HIT_PX : HANDLE_RADIUS_PX + 4
    return handleOf !== null && distance(board, handleOf.at) <= reach / core.viewport().scale
  }

  const startMove = (start: Point) => {
    const elements = core.elements()
    const ids = movableSelection()
    const boxes = new Map<string, Rect>()
    for (const id of ids) {
      const box = boxOf(elements[id])
      if (box) boxes.set(id, box)
    }
    const union = unionRect(boxes.values())
    if (!union) return false
    // Candidates for snapping: the other visible boxes, indexed once per drag.
    const visible = renderer.elementsIn(visibleRect(core.viewport(), core.size()))
    const candidates: Rect[] = []
    for (const id of visible) {
      if (boxes.has(id)) continue
      const box = boxOf(elements[id])
      if (box) candidates.push(box)
    }
    mode = { kind: 'move', start, ids, boxes, union, snap: createSnapIndex(candidates) }
    overlay.setHandle(null, 1)
    handleOf = null
    return true
  }

  /** The work of one frame: whatever the latest pointer position means in the current mode. */
  const frame = createFrameTask(() => {
    if (!latest) return
    const { screen, altKey } = latest
    const board = core.toBoard(screen)
    switch (mode.kind) {
      case 'idle':
        if (latest.pointerType !== 'touch') updateHover(board)
        else updateTouchHandle()
        break
      case 'pan':
        mode.follow(screen)
        break
      case 'pinch':
        break
      case 'marquee': {
        const rect = rectFromPoints(mode.start, board)
        overlay.setMarquee(rect)
        const hits = renderer.elementsIn(rect)
        selection.set(mode.additive ? [...mode.base, ...hits] : hits)
        overlay.draw()
        break
      }
      case 'press':
        if (
          distance(screen, mode.startScreen) >= DRAG_THRESHOLD_PX &&
          core.canEdit &&
          selection.has(mode.hitId) &&
          startMove(mode.start)
        ) {
          frame.schedule()
        }
        break
      case 'move': {
        let dx = board.x - mode.start.x
        let dy = board.y - mode.start.y
        const moved = { ...mode.union, x: mode.union.x + dx, y: mode.union.y + dy }
        if (!altKey) {
          const snapped = snapBox(moved, mode.snap, SNAP_DISTANCE_PX / core.viewport().scale)
          dx += snapped.dx
          dy += snapped.dy
          overlay.setGuides(snapped.guides)
        } else overlay.setGuides([])
        const overrides = new Map<string, { x: number; y: number }>()
        let phaseDraft: { x: number; y: number; w: number; h: number } | null = null
        for (const [id, box] of mode.boxes) {
          // a phase lands on whole months (the move operation snaps it): show it there, with its months
          if (core.elements()[id]?.kind === 'phase') {
            const snapped = snapPhaseBox({ x: box.x + dx, w: box.width }, timeline())
            overrides.set(id, { x: snapped.x, y: box.y + dy })
            phaseDraft ??= { x: snapped.x, y: box.y + dy, w: snapped.w, h: box.height }
          } else overrides.set(id, { x: box.x + dx, y: box.y + dy })
        }
        overlay.setDraft(
          phaseDraft ? { x: phaseDraft.x, y: phaseDraft.y, width: phaseDraft.w, height: phaseDraft.h } : null,
          phaseDraft ? draftCaption('phase', phaseDraft) : '',
          core.viewport().scale,
        )
        renderer.setPreview('local', overrides)
        core.liveMove = { ids: mode.ids, dx, dy }
        core.publisher.drag({ ids: mode.ids, dx: Math.round(dx * 100) / 100, dy: Math.round(dy * 100) / 100 })
        core.refreshOverlay()
        break
      }
      case 'draw': {
        if (!mode.dragged && distance(screen, mode.startScreen) < DRAG_THRESHOLD_PX) break
        mode.dragged = true
        const box = drawnBox(mode.tool, mode.start, board, timeline())
        overlay.setDraft({ x: box.x, y: box.y, width: box.w, height: box.h }, draftCaption(mode.tool, box), core.viewport().scale)
        overlay.draw()
        break
      }
      case 'link': {
        const over = renderer.elementAt(board)
        const target = over && over !== mode.from && boxOf(core.elements()[over]) ? over : null
        mode.target = target
        overlay.setLinkPreview(mode.origin, board, target ? boxOf(core.elements()[target]) : null)
        overlay.draw()
        break
      }
    }
  })

  const endMove = (commit: boolean) => {
    if (mode.kind !== 'move') return
    const live = core.liveMove
    if (commit && live && (live.dx !== 0 || live.dy !== 0)) {
      // What was locked during the drag (or all, if the role changed) stays where it is.
      // (What someone deleted meanwhile is simply left out.)
      const elements = core.elements()
      const present = [...mode.boxes].filter(([id]) => elements[id] !== undefined)
      const refusals = present.map(([id]) => refusalFor(elements[id] as ElementLike, session.role()))
      const refused = refusals.find((code) => code !== null)
      const moves = present
        .filter((_entry, index) => refusals[index] === null)
        .map(([id, box]) => ({ id, x: Math.round(box.x + live.dx), y: Math.round(box.y + live.dy) }))
      // The one write of this drag: one transaction, one undo step.
      if (moves.length > 0) core.apply({ type: 'element.move', moves })
      if (refused) core.tellRefused(refused)
    }
    renderer.setPreview('local', new Map())
    core.liveMove = null
    core.publisher.endDrag()
    overlay.setGuides([])
    overlay.setDraft(null, '', 1)
    core.refreshOverlay()
  }

  const startPinch = () => {
    const [a, b] = [...touches.values()]
    if (!a || !b) return
    if (mode.kind === 'move') endMove(false)
    if (mode.kind === 'press' || mode.kind === 'move') selection.set(selectionBeforeTouch)
    overlay.setMarquee(null)
    overlay.setDraft(null, '', 1)
    mode = { kind: 'pinch', follow: core.view.pinchFrom(a, b) }
  }

  const onPointerDown = (e: PointerEvent) => {
    hostRect = host.getBoundingClientRect()
    const screen = screenOf(e)
    if (e.pointerType === 'touch') {
      touches.set(e.pointerId, screen)
      if (touches.size === 1) selectionBeforeTouch = selection.ids()
      if (touches.size === 2) {
        startPinch()
        return
      }
      if (touches.size > 2) return
    }
    if (touchSized !== (e.pointerType === 'touch')) {
      touchSized = e.pointerType === 'touch'
      overlay.setTouch(touchSized)
    }
    if (mode.kind === 'link' && mode.waiting) {
      // the link tool's second tap: the card it lands on is the other end (elsewhere: no link);
      // another tool picked meanwhile simply drops the first end
      const ending = mode
      mode = { kind: 'idle' }
      overlay.setLinkPreview(null, null, null)
      overlay.draw()
      if (core.tool() === 'link') {
        finishLink(ending.from, renderer.elementAt(core.toBoard(screen)))
        return
      }
    }
    if (mode.kind !== 'idle') return
    if (e.button === 2) return
    const board = core.toBoard(screen)
    latest = { screen, altKey: e.altKey, shiftKey: e.shiftKey, pointerType: e.pointerType }

    // The transformer's anchors are Konva's: leave them alone.
    const hit = overlay.layer.getIntersection(screen)
    if (hit && overlay.isTransformerTarget(hit)) return

    const capture = () => {
      try {
        host.setPointerCapture(e.pointerId)
      } catch {
        // the pointer is already gone
      }
    }
    if (e.button === 1 || spaceHeld || core.tool() === 'pan') {
      e.preventDefault()
      mode = { kind: 'pan', follow: core.view.panFrom(screen) }
      core.setCursor('grabbing')
      capture()
      return
    }
    const tool = core.tool()
    if (isDrawingTool(tool) && core.canEdit) {
      // a drag draws the rectangle (previewed as it grows); a click gives the default size
      mode = { kind: 'draw', tool, start: board, startScreen: screen, dragged: false }
      capture()
      return
    }
    if (isCreationTool(tool)) {
      if (core.canEdit) core.createElement(tool, board)
      return
    }
    if (core.canEdit && (onHandle(board) || tool === 'link')) {
      const from = onHandle(board) ? (handleOf?.id ?? null) : renderer.elementAt(board)
      const origin = from ? (onHandle(board) ? handlePoint(from) : centreOf(from)) : null
      if (from && origin && boxOf(core.elements()[from])) {
        mode = { kind: 'link', from, origin, target: null, startScreen: screen, waiting: false }
        overlay.setHandle(null, 1)
        overlay.setLinkPreview(origin, board, null)
        overlay.draw()
        capture()
        return
      }
      if (tool === 'link') return
    }
    const id = pickAt(board)
    if (id) {
      const wasSelected = selection.has(id)
      if (e.shiftKey) selection.toggle(id)
      else if (!wasSelected) selection.set([id])
      mode = { kind: 'press', start: board, startScreen: screen, hitId: id, wasSelected, shift: e.shiftKey }
      capture()
      return
    }
    if (e.pointerType === 'touch') {
      // one finger on empty canvas pans, as on every map
      mode = { kind: 'pan', follow: core.view.panFrom(screen) }
      capture()
      return
    }
    mode = { kind: 'marquee', start: board, additive: e.shiftKey, base: e.shiftKey ? selection.ids() : [] }
    if (!e.shiftKey) selection.clear()
    capture()
  }

  const centreOf = (id: string): Point | null => {
    const box = boxOf(core.elements()[id])
    return box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null
  }

  const onPointerMove = (e: PointerEvent) => {
    const screen = screenOf(e)
    if (e.pointerType === 'touch' && touches.has(e.pointerId)) {
      touches.set(e.pointerId, screen)
      if (mode.kind === 'pinch' && touches.size >= 2) {
        const [a, b] = [...touches.values()]
        const follow = mode.follow
        if (a && b) {
          pinchTo = () => follow(a, b)
          pinchFrame.schedule()
        }
        return
      }
    }
    latest = { screen, altKey: e.altKey, shiftKey: e.shiftKey, pointerType: e.pointerType }
    pointerBoard = core.toBoard(screen)
    if (e.pointerType !== 'touch') core.publisher.cursor(pointerBoard)
    frame.schedule()
  }

  /** the latest pinch, shown once per frame */
  let pinchTo: (() => void) | null = null
  const pinchFrame = createFrameTask(() => pinchTo?.())

  const onPointerUp = (e: PointerEvent) => {
    if (e.pointerType === 'touch') {
      touches.delete(e.pointerId)
      if (mode.kind === 'pinch') {
        if (touches.size === 0) mode = { kind: 'idle' }
        return
      }
    }
    const screen = screenOf(e)
    latest = { screen, altKey: e.altKey, shiftKey: e.shiftKey, pointerType: e.pointerType }
    frame.flush()
    const board = core.toBoard(screen)
    const ending = mode
    mode = { kind: 'idle' }
    switch (ending.kind) {
      case 'pan':
        core.setCursor(spaceHeld || core.tool() === 'pan' ? 'grab' : 'default')
        break
      case 'marquee':
        overlay.setMarquee(null)
        overlay.draw()
        break
      case 'press':
        // A click on one of several selected elements selects just that one.
        if (!ending.shift && ending.wasSelected && selection.ids().length > 1) selection.set([ending.hitId])
        if (e.pointerType === 'touch' && e.type === 'pointerup') {
          // a double tap opens the label for typing, as a double click does
          const isDouble = lastTap?.id === ending.hitId && e.timeStamp - lastTap.at < DOUBLE_TAP_MS
          lastTap = isDouble ? null : { id: ending.hitId, at: e.timeStamp }
          if (isDouble && canChange(core.elements()[ending.hitId], session.role())) core.editText(ending.hitId)
        }
        break
      case 'move':
        mode = ending
        endMove(e.type === 'pointerup')
        mode = { kind: 'idle' }
        break
      case 'draw': {
        overlay.setDraft(null, '', 1)
        overlay.draw()
        if (e.type !== 'pointerup' || !core.canEdit) break
        if (ending.dragged) core.createElement(ending.tool, ending.start, drawnBox(ending.tool, ending.start, board, timeline()))
        else core.createElement(ending.tool, ending.start)
        break
      }
      case 'link': {
        const over = renderer.elementAt(board)
        if (
          e.type === 'pointerup' &&
          core.tool() === 'link' &&
          (over === null || over === ending.from) &&
          distance(screen, ending.startScreen) < DRAG_THRESHOLD_PX
        ) {
          // a tap with the link tool picks the first end; the next tap picks the other (touch has no easy drag)
          mode = { ...ending, waiting: true }
          overlay.setLinkPreview(null, null, boxOf(core.elements()[ending.from]))
          overlay.draw()
          break
        }
        overlay.setLinkPreview(null, null, null)
        overlay.draw()
        if (e.type === 'pointerup') finishLink(ending.from, over)
        else if (core.tool() === 'link') core.setTool('select')
        break
      }
      default:
        break
    }
    if (e.pointerType === 'touch') frame.schedule()
  }

  /** A link from `fromId` to the element `overId` (if it is another box), selected; the link tool goes back to select. */
  const finishLink = (fromId: string, overId: string | null) => {
    const elements = core.elements()
    const from = elements[fromId]
    const to = overId && overId !== fromId ? elements[overId] : undefined
    if (from && to && boxOf(to)) {
      const id = newElementId('l')
      const result = core.apply({
        type: 'link.add',
        link: { id, from: from.id, to: to.id, relation: defaultRelation(from.kind, to.kind) },
      })
      if (result.ok) selection.set([id])
    }
    if (core.tool() === 'link') core.setTool('select')
  }

  const onPointerLeave = (e: PointerEvent) => {
    if (e.pointerType === 'touch') return
    pointerBoard = null
    core.publisher.cursor(null)
    if (mode.kind === 'idle' && handleOf) {
      handleOf = null
      overlay.setHandle(null, 1)
      overlay.draw()
    }
  }

  const onDoubleClick = (e: MouseEvent) => {
    if (!core.canEdit) return
    const id = pickAt(core.toBoard(screenOf(e)))
    if (id && canChange(core.elements()[id], session.role())) core.editText(id)
  }

  const onContextMenu = (e: MouseEvent) => e.preventDefault()

  host.addEventListener('pointerdown', onPointerDown)
  host.addEventListener('pointermove', onPointerMove)
  host.addEventListener('pointerup', onPointerUp)
  host.addEventListener('pointercancel', onPointerUp)
  host.addEventListener('pointerleave', onPointerLeave)
  host.addEventListener('dblclick', onDoubleClick)
  host.addEventListener('contextmenu', onContextMenu)

  return {
    pointer: () => pointerBoard,
    isSpaceHeld: () => spaceHeld,
    setSpaceHeld(held) {
      if (spaceHeld === held) return
      spaceHeld = held
      if (mode.kind === 'idle') core.setCursor(held ? 'grab' : 'default')
    },
    refresh() {
      if (mode.kind === 'idle' && latest) frame.schedule()
    },
    cancel() {
      switch (mode.kind) {
        case 'move':
          endMove(false)
          break
        case 'marquee':
          overlay.setMarquee(null)
          break
        case 'link':
          overlay.setLinkPreview(null, null, null)
          break
        case 'draw':
          overlay.setDraft(null, '', 1)
          break
        default:
          return false
      }
      mode = { kind: 'idle' }
      overlay.draw()
      return true
    },
    detach() {
      frame.cancel()
      pinchFrame.cancel()
      host.removeEventListener('pointerdown', onPointerDown)
      host.removeEventListener('pointermove', onPointerMove)
      host.removeEventListener('pointerup', onPointerUp)
      host.removeEventListener('pointercancel', onPointerUp)
      host.removeEventListener('pointerleave', onPointerLeave)
      host.removeEventListener('dblclick', onDoubleClick)
      host.removeEventListener('contextmenu', onContextMenu)
    },
  }
}
