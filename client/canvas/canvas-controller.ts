import { type Accessor, createEffect, createSignal, on, onCleanup, untrack } from 'solid-js'
import { numbersFor } from '../../shared/export/format.ts'
import { translatorFor } from '../../shared/i18n/index.ts'
import type { OperationInput } from '../../shared/operations/operation.ts'
import type { RefusalCode } from '../../shared/rules/refusals.ts'
import { createTimeline } from '../../shared/scene/timeline.ts'
import { canEdit } from '../../shared/schema/roles.ts'
import type { BoardSession } from '../board/board-context.ts'
import { isSmallScreen } from '../components/small-screen.ts'
import { language, locale } from '../i18n/locale.ts'
import { keyboard } from '../keyboard/app-keyboard.ts'
import { canChange } from './actions/editing-rules.ts'
import { type ActionRegistry, canvasActions, runAction } from './actions/registry.ts'
import type { ActionContext, ActionEditor } from './actions/types.ts'
import { boxOf, type ElementLike } from './board-geometry.ts'
import type { CanvasApi } from './canvas-api.ts'
import type { CanvasCore, LiveMove, LiveResize } from './canvas-core.ts'
import { holdCanvasFocus } from './canvas-focus.ts'
import { canvasKeyScope } from './canvas-keys.ts'
import { clipboardStore } from './clipboard-store.ts'
import { createFrameTask } from './frame-scheduler.ts'
import { attachPointerGestures, type PointerGestures } from './gestures/pointer-gestures.ts'
import { attachTransformGesture } from './gestures/transform-gesture.ts'
import { createOverlayLayer } from './layers/overlay-layer.ts'
import { type ElementBox, newElementAt, newElementIn, startsBeforeMonth } from './new-element.ts'
import { noteSink } from './note-sink.ts'
import { type FitOptions, openingRect, readableView } from './opening-view.ts'
import { createPresencePublisher } from './presence-publisher.ts'
import { followRemoteDrags } from './remote-drags.ts'
import { createBoardRenderer } from './render/board-renderer.ts'
import { createStageController } from './stage-controller.ts'
import { type CreationTool, isReadOnlyTool, type Tool } from './tools.ts'
import { centreOn, type Point, type Rect, unionRect, viewportCentre, zoomAround } from './viewport.ts'
import { loadViewport, saveViewport } from './viewport-store.ts'

export interface CanvasController {
  readonly api: CanvasApi
  readonly editing: Accessor<string | null>
  stopEditing(): void
  readonly minimapVisible: Accessor<boolean>
}

/** Room kept free for the floating chrome when fitting: the tool palette (left), zoom and minimap (bottom). */
const FIT_INSETS = { left: 72, bottom: 24 }
/** Phones: the tools are a row over the top, zoom at the bottom left. */
const PHONE_FIT_INSETS = { top: 44, bottom: 40 }
/**
 * Phones: the lowest scale a board opens at, where a card's label (15 board px) is still about
 * 11 screen px. Fitting a whole board into 390 px would make every card a coloured speck.
 */
const PHONE_READABLE_SCALE = 0.75

/**
 * Builds the canvas of an open board inside `host`: the Konva stage with its layers (grid,
 * elements from the renderer, overlay), the viewport, gestures, shortcuts and presence. Call it
 * inside a reactive owner (the canvas component); everything is torn down with the owner.
 */
export function createCanvasController(
  session: BoardSession,
  host: HTMLDivElement,
  options: { tellRefused?: (code: RefusalCode) => void; tell?: (message: string) => void; now?: () => Date } = {},
): CanvasController {
  const boardId = session.board.id
  // follows a role change while connected (the server stamps it on our presence)
  const isEditor = () => canEdit(session.role())
  const elements = (): Readonly<Record<string, ElementLike>> => session.store.state.elements

  const saved = loadViewport(boardId)
  const [tool, setToolSignal] = createSignal<Tool>('select')
  const [editing, setEditing] = createSignal<string | null>(null)
  // on a phone the minimap would cover a good part of the board: off until asked for
  const [minimapVisible, setMinimapVisible] = createSignal(!isSmallScreen())
  const [linkingFrom, setLinkingFrom] = createSignal<string | null>(null)

  const renderer = createBoardRenderer({
    doc: session.connection.doc,
    binding: session.binding, // the store's binding: one elements observer per board, same elements
    t: translatorFor(untrack(language)),
    locale: untrack(locale),
  })
  // The stage and its view (grid, elements, pan, zoom, wheel, size); the canvas adds the rest.
  let saveTimer: ReturnType<typeof setTimeout> | null = null
  const view = createStageController(host, {
    viewport: saved ?? { x: 0, y: 0, scale: 1 },
    renderer,
    grid: true,
    fit: () => fitOptions(),
    contentBounds: () => boundsOfIds(Object.keys(elements())),
    keepFree: () => minimapBox(),
    onViewport: (vp) => {
      refreshOverlay()
      pointer?.refresh()
      if (saveTimer) clearTimeout(saveTimer)
      saveTimer = setTimeout(() => saveViewport(boardId, vp), 250)
    },
  })
  const { stage, viewport, size, setViewport } = view
  const overlay = createOverlayLayer()
  view.addLayer(overlay.layer)

  const publisher = createPresencePublisher(session.connection.provider.awareness)

  const fitOptions = (): FitOptions => ({ padding: 40, maxScale: 1.5, insets: isSmallScreen() ? PHONE_FIT_INSETS : FIT_INSETS })
  /** The minimap's box in stage px while it is shown (fit-to-screen keeps it free), else null. */
  const minimapBox = (): Rect | null => {
    const map = host.parentElement?.querySelector('[data-testid="minimap"]')
    if (!map || !minimapVisible()) return null
    const box = map.getBoundingClientRect()
    const stageBox = host.getBoundingClientRect()
    return { x: box.left - stageBox.left, y: box.top - stageBox.top, width: box.width, height: box.height }
  }
  const boundsOfIds = (ids: Iterable<string>): Rect | null => {
    const all = elements()
    const rects: Rect[] = []
    for (const id of ids) {
      const box = boxOf(all[id]) ?? renderer.boundsOf(id)
      if (box) rects.push(box)
    }
    return unionRect(rects)
  }
  const zoomToSelection = () => {
    const bounds = boundsOfIds(session.selection.ids())
    if (bounds) view.zoomTo(bounds)
  }

  // Overlay: outlines of the selection (moved with a live drag), the transformer, the handle.
  let pointer: PointerGestures | undefined
  let liveMove: LiveMove | null = null
  let liveResize: LiveResize | null = null
  let keyDriven = false
  const onHostKey = () => {
    keyDriven = true
    refreshOverlay()
  }
  const onHostPointer = () => {
    keyDriven = false
    refreshOverlay()
  }
  host.addEventListener('keydown', onHostKey)
  host.addEventListener('pointerdown', onHostPointer)
  host.addEventListener('focus', refreshOverlay)
  host.addEventListener('blur', refreshOverlay)
  const overlayTask = createFrameTask(() => {
    const rects: Rect[] = []
    for (const id of session.selection.ids()) {
      if (core.liveResize?.id === id) continue
      // the renderer's bounds include every preview: our drag and other people's
      const bounds = renderer.boundsOf(id)
      if (bounds) rects.push(bounds)
    }
    overlay.setOutlines(rects, viewport().scale)
    // the keyboard's focus: the one selected element while keys (not the pointer) drive the focused canvas
    const ids = session.selection.ids()
    const focused = keyDriven && ids.length === 1 && document.activeElement === host ? (ids[0] ?? null) : null
    const ring = focused ? renderer.boundsOf(focused) : null
    overlay.setFocusRing(ring, viewport().scale)
    if (ring && focused) host.dataset.keyFocus = focused
    else delete host.dataset.keyFocus
    transform.sync()
    overlay.draw()
  })
  function refreshOverlay() {
    overlayTask.schedule()
  }

  const setCursor = (cursor: string) => {
    if (host.style.cursor !== cursor) host.style.cursor = cursor
  }

  /**
   * Each gesture or action is its own undo step. The undo manager merges transactions that
   * follow each other within its capture timeout (meant for typing in the inspector); a link
   * drawn and a delete pressed right after must still undo one at a time.
   */
  const apply = (op: OperationInput) => {
    session.writes.undoManager.stopCapturing()
    return session.writes.apply(op)
  }
  const applyAll = (ops: readonly OperationInput[]) => {
    session.writes.undoManager.stopCapturing()
    return session.writes.applyAll(ops)
  }

  const timeline = () => createTimeline(session.connection.doc.getMap('settings').get('timelineOrigin'))
  /** A phase placed where the timeline is in the past keeps the months of its place, and says so. */
  const tellIfPast = (start: string) => {
    if (startsBeforeMonth(start, options.now?.() ?? new Date()))
      options.tell?.(translatorFor(language())('canvas.phase.inPast', { start: numbersFor(language()).month(start) }))
  }

  const createElement = (kind: CreationTool, at?: Point, box?: ElementBox): string | null => {
    if (!isEditor()) return null
    const point = at ?? viewportCentre(viewport(), size())
    // a new note starts empty; the others start with their kind's name, selected in the editor
    const label = kind === 'note' ? '' : translatorFor(language())(`canvas.new.${kind}`)
    const element = box ? newElementIn(kind, box, label, timeline()) : newElementAt(kind, point, label, timeline())
    // a private brainstorm holds a participant's new note on the server, not on the board
    const sink = noteSink()
    if (element.kind === 'note' && sink) {
      sink({ ...element, label: element.label ?? '' }, { edit: true })
      setTool('select')
      return element.id
    }
    const result = apply({ type: 'element.add', elements: [element] })
    if (!result.ok) return null
    if (element.kind === 'phase') tellIfPast(element.start)
    session.selection.set([element.id])
    setTool('select')
    // every kind has a label: it opens for typing at once (once this gesture's handlers are done)
    queueMicrotask(() => editText(element.id))
    return element.id
  }

  function setTool(next: Tool) {
    if (!isEditor() && !isReadOnlyTool(next)) return
    setToolSignal(next)
    setCursor(next === 'pan' ? 'grab' : next === 'select' ? 'default' : 'crosshair')
    refreshOverlay()
  }

  function editText(id: string) {
    if (!isEditor() || !canChange(elements()[id], session.role()) || boxOf(elements()[id]) === null) return
    session.selection.set([id])
    setEditing(id)
    refreshOverlay()
  }

  const core: CanvasCore = {
    session,
    stage,
    host,
    renderer,
    overlay,
    publisher,
    view,
    viewport,
    size,
    toBoard: view.toBoard,
    tool,
    setTool,
    get canEdit() {
      return isEditor()
    },
    tellRefused: (code) => options.tellRefused?.(code),
    elements,
    get liveMove() {
      return liveMove
    },
    set liveMove(value) {
      liveMove = value
    },
    get liveResize() {
      return liveResize
    },
    set liveResize(value) {
      liveResize = value
    },
    refreshOverlay,
    createElement,
    editText,
    editing,
    setCursor,
    apply,
    applyAll,
  }

  const transform = attachTransformGesture(core)
  pointer = attachPointerGestures(core)

  // Actions: one editor for every caller (keys, toolbar, menus).
  const editor: ActionEditor = {
    board: { id: boardId, title: session.board.title },
    elements,
    apply,
    applyAll,
    select: (ids) => session.selection.set(ids),
    undo: () => session.writes.undoManager.undo(),
    redo: () => session.writes.undoManager.redo(),
    canUndo: () => session.writes.undoManager.undoStack.length > 0,
    canRedo: () => session.writes.undoManager.redoStack.length > 0,
    pointer: () => pointer.pointer(),
    get canvas() {
      return api
    },
    clipboard: clipboardStore,
    editText,
    toggleMinimap: () => setMinimapVisible((v) => !v),
  }
  const actionContext = (): ActionContext => ({ role: session.role(), selection: session.selection.ids(), editor })

  // Keys: through the page's one keyboard router, which knows when a field or an editor has them.
  const offKeys = keyboard.register(
    canvasKeyScope(canvasActions, actionContext, {
      editing,
      cancelGesture: () => pointer.cancel(),
      setSpaceHeld: (held) => pointer.setSpaceHeld(held),
      isCanvas: (target) => target === host,
    }),
  )
  const onBlur = () => pointer.setSpaceHeld(false)
  window.addEventListener('blur', onBlur)
  const focus = holdCanvasFocus(host)

  // The viewer switched the language live: captions and enumerations are drawn again in it.
  createEffect(
    on([language, locale], ([lang, loc]) => renderer.setLanguage({ t: translatorFor(lang, loc), locale: loc }), { defer: true }),
  )

  // Selection: outlines, awareness, and forgetting elements that went away (deleted, undone).
  createEffect(
    on(session.selection.ids, (ids) => {
      publisher.selection(ids)
      refreshOverlay()
      pointer?.refresh()
    }),
  )
  createEffect(() => {
    const ids = session.selection.ids()
    const present = ids.filter((id) => session.store.state.elements[id] !== undefined)
    if (present.length !== ids.length) session.selection.set(present)
  })
  // A role that no longer edits (changed by a facilitator while connected): drop the creation
  // tool and the open text editor, as if the board had been opened with that role.
  createEffect(
    on(
      isEditor,
      (editor) => {
        if (editor) return
        if (!isReadOnlyTool(tool())) setToolSignal('select')
        setEditing(null)
        pointer.cancel()
        refreshOverlay()
      },
      { defer: true },
    ),
  )
  const offChange = renderer.onChange((changed) => {
    if (session.selection.ids().some((id) => changed.has(id))) refreshOverlay()
    pointer.refresh()
  })
  const stopRemoteDrags = followRemoteDrags(session.connection.provider.awareness, elements, (source, overrides) =>
    renderer.setPreview(source, overrides),
  )

  // First visit of this board in this tab: once the content is there, its first frame (or its
  // content) at a readable zoom, never the whole board at 30 %.
  const openReadable = () => {
    const rect = openingRect(Object.values(elements()))
    if (rect) setViewport(readableView(rect, size(), fitOptions(), minimapBox()))
    else setViewport(centreOn({ x: 0, y: 0 }, size(), 1))
  }
  let placed = saved !== null
  createEffect(() => {
    if (placed) return
    const hasContent = session.store.elementCount() > 0
    if ((session.connection.synced() || hasContent) && size().width > 1) {
      placed = true
      openReadable()
      // a phone opens where the text can be read: at least the readable scale, on the content's centre
      if (isSmallScreen() && viewport().scale < PHONE_READABLE_SCALE)
        setViewport(zoomAround(viewport(), { x: size().width / 2, y: size().height / 2 }, PHONE_READABLE_SCALE))
    }
  })

  const api: CanvasApi = {
    stage,
    viewport,
    size,
    toBoard: view.toBoard,
    toScreen: view.toScreen,
    toClient: view.toClient,
    zoomToFit: () => view.zoomToFit(),
    zoomToSelection,
    zoomTo: (rect, options) => view.zoomTo(rect, options),
    setView: (next, options) => (options?.animate === false ? setViewport(next) : view.animateTo(next)),
    zoomBy: view.zoomBy,
    setScale: view.setScale,
    centre: view.centre,
    setTool,
    tool,
    renderer,
    addLayer: view.addLayer,
    createElement,
    actions: canvasActions as ActionRegistry,
    actionContext,
    runAction: (name, source = 'api') => {
      const action = canvasActions.get(name)
      return action ? runAction(action, actionContext(), { source }) : false
    },
    editText,
    minimapVisible,
    setMinimapVisible,
    linkingFrom,
    setLinkingFrom,
  }

  setViewport(viewport())

  // A read-only hook for tests and scripts: coordinates only, no data.
  const debugHook = {
    toScreen: (p: Point) => api.toScreen(p),
    toBoard: (p: Point) => api.toBoard(p),
    toClient: (p: Point) => api.toClient(p),
    viewport: () => viewport(),
  }
  ;(globalThis as { __refreshBoard?: unknown }).__refreshBoard = debugHook

  onCleanup(() => {
    if (saveTimer) clearTimeout(saveTimer)
    saveViewport(boardId, viewport())
    overlayTask.cancel()
    offKeys()
    focus.detach()
    window.removeEventListener('blur', onBlur)
    host.removeEventListener('keydown', onHostKey)
    host.removeEventListener('pointerdown', onHostPointer)
    host.removeEventListener('focus', refreshOverlay)
    host.removeEventListener('blur', refreshOverlay)
    pointer.detach()
    transform.detach()
    offChange()
    stopRemoteDrags()
    publisher.destroy()
    view.destroy()
    if ((globalThis as { __refreshBoard?: unknown }).__refreshBoard === debugHook)
      delete (globalThis as { __refreshBoard?: unknown }).__refreshBoard
  })

  return {
    api,
    editing,
    stopEditing: () => {
      setEditing(null)
      refreshOverlay()
      pointer?.refresh()
      host.focus({ preventScroll: true })
    },
    minimapVisible,
  }
}
