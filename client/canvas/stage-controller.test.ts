import './render/test-canvas.ts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { textileMillDocument } from '../../shared/demo/textile-mill.ts'
import { translatorFor } from '../../shared/i18n/index.ts'
import { writeBoardDocument } from '../../shared/schema/convert.ts'
import { createSnapshotStage, type SnapshotStage } from '../board/snapshot-view.ts'
import { createBoardRenderer } from './render/board-renderer.ts'
import { createStageController, type StageController } from './stage-controller.ts'
import { containsRect, type Rect, toBoard, unionRect, type Viewport, visibleRect } from './viewport.ts'

const WIDTH = 1200
const HEIGHT = 800
const start: Viewport = { x: 40, y: -20, scale: 0.8 }
const t = translatorFor('en')

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** A host the size of a stage area (happy-dom has no layout), at the page's top left. */
function host(): HTMLDivElement {
  const element = document.createElement('div')
  Object.defineProperty(element, 'clientWidth', { value: WIDTH })
  Object.defineProperty(element, 'clientHeight', { value: HEIGHT })
  document.body.append(element)
  cleanups.push(() => element.remove())
  return element
}

/** The stage controller as the live canvas composes it (grid, the live doc's renderer). */
function liveStage(viewport: Viewport = start): { view: StageController; host: HTMLDivElement } {
  const doc = new Y.Doc()
  writeBoardDocument(doc, textileMillDocument)
  const renderer = createBoardRenderer({ doc, t, locale: 'en', cache: false })
  const element = host()
  const view = createStageController(element, {
    viewport,
    renderer,
    grid: true,
    // the room the snapshot keeps (its banner at the top), so that both fits can be compared
    fit: () => ({ padding: 40, maxScale: 1.5, insets: { top: 56 } }),
    contentBounds: () => unionRect(textileMillDocument.elements.flatMap((e) => renderer.boundsOf(e.id) ?? [])),
  })
  renderer.flush()
  cleanups.push(() => {
    view.destroy()
    doc.destroy()
  })
  return { view, host: element }
}

function snapshotStage(viewport: Viewport = start): { snapshot: SnapshotStage; host: HTMLDivElement } {
  const element = host()
  const snapshot = createSnapshotStage(element, textileMillDocument, { viewport, t, locale: 'en' })
  cleanups.push(() => snapshot.destroy())
  return { snapshot, host: element }
}

/** A wheel event at a client point (happy-dom's WheelEvent has no pointer position of its own). */
const wheel = (target: HTMLElement, init: WheelEventInit & { clientX: number; clientY: number }) => {
  const event = new WheelEvent('wheel', { bubbles: true, cancelable: true, ...init })
  Object.defineProperties(event, { clientX: { value: init.clientX }, clientY: { value: init.clientY } })
  target.dispatchEvent(event)
}

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init)

const pointer = (target: HTMLElement, type: string, x: number, y: number, pointerId = 1) =>
  target.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: x, clientY: y, pointerId, button: 0 }))

const close = (a: Viewport, b: Viewport) => {
  expect(a.scale).toBeCloseTo(b.scale, 6)
  expect(a.x).toBeCloseTo(b.x, 6)
  expect(a.y).toBeCloseTo(b.y, 6)
}

describe('the stage controller shared by the live canvas and the snapshot stage', () => {
  it('carries the viewport on the Konva stage, so layers draw in board coordinates', () => {
    const { view } = liveStage()
    view.setViewport({ x: 10, y: 20, scale: 9 })
    expect(view.viewport()).toEqual({ x: 10, y: 20, scale: 4 })
    expect(view.stage.scaleX()).toBe(4)
    expect(view.stage.x()).toBe(10)
    expect(view.toScreen(view.toBoard({ x: 300, y: 200 }))).toEqual({ x: 300, y: 200 })
    expect(view.size()).toEqual({ width: WIDTH, height: HEIGHT })
  })

  it('zooms a mouse wheel notch around the pointer on the snapshot stage exactly as on the live one', () => {
    const live = liveStage()
    const { snapshot, host: snapshotHost } = snapshotStage()
    const notch = { clientX: 300, clientY: 200, deltaX: 0, deltaY: -100, deltaMode: 0 }
    wheel(live.host, notch)
    wheel(snapshotHost, notch)
    const after = snapshot.viewport()
    close(after, live.view.viewport())
    expect(after.scale).toBeCloseTo(start.scale * 1.1, 6)
    // the board point under the pointer stays under it
    const before = toBoard(start, { x: 300, y: 200 })
    const under = toBoard(after, { x: 300, y: 200 })
    expect(under.x).toBeCloseTo(before.x, 6)
    expect(under.y).toBeCloseTo(before.y, 6)
  })

  it('pans with a trackpad scroll on both stages alike', () => {
    const live = liveStage()
    const { snapshot, host: snapshotHost } = snapshotStage()
    const scroll = { clientX: 10, clientY: 10, deltaX: 12.5, deltaY: 7.5, deltaMode: 0 }
    wheel(live.host, scroll)
    wheel(snapshotHost, scroll)
    expect(snapshot.viewport()).toEqual({ ...start, x: start.x - 12.5, y: start.y - 7.5 })
    expect(live.view.viewport()).toEqual(snapshot.viewport())
  })

  it('fits the same content to the same viewport on both stages (given the same room)', async () => {
    const live = liveStage()
    const { snapshot } = snapshotStage()
    live.view.zoomToFit({ animate: false })
    snapshot.zoomToFit()
    const fitted = live.view.viewport()
    expect(fitted).not.toEqual(start)
    // the snapshot's fit is animated: it ends where the live one is
    await vi.waitFor(() => close(snapshot.viewport(), fitted), { timeout: 3000 })
    const content = unionRect(textileMillDocument.elements.flatMap((e) => snapshot.renderer.boundsOf(e.id) ?? [])) as Rect
    expect(containsRect(visibleRect(fitted, { width: WIDTH, height: HEIGHT }), content)).toBe(true)
    // clear of the snapshot's banner
    expect(content.y * fitted.scale + fitted.y).toBeGreaterThanOrEqual(56 + 40 - 0.5)
  })

  it('follows a pinch: the board point between the fingers stays between them, the scale grows with their spread', () => {
    const { view } = liveStage()
    const a = { x: 400, y: 300 }
    const b = { x: 500, y: 300 }
    const follow = view.pinchFrom(a, b)
    const between = toBoard(start, { x: 450, y: 300 })
    follow({ x: 350, y: 350 }, { x: 550, y: 350 })
    const after = view.viewport()
    expect(after.scale).toBeCloseTo(start.scale * 2, 6)
    const now = toBoard(after, { x: 450, y: 350 })
    expect(now.x).toBeCloseTo(between.x, 6)
    expect(now.y).toBeCloseTo(between.y, 6)
  })

  it('pans the snapshot stage by dragging, through the same pan as the live canvas', () => {
    const { snapshot, host: snapshotHost } = snapshotStage()
    pointer(snapshotHost, 'pointerdown', 100, 100)
    expect(snapshotHost.style.cursor).toBe('grabbing')
    pointer(snapshotHost, 'pointermove', 150, 130)
    pointer(snapshotHost, 'pointerup', 160, 125)
    expect(snapshot.viewport()).toEqual({ ...start, x: start.x + 50, y: start.y + 30 })
    expect(snapshotHost.style.cursor).toBe('grab')
  })

  it('takes the view keys on the snapshot stage: arrows pan, the canvas’s zoom keys zoom', async () => {
    const { snapshot } = snapshotStage()
    expect(snapshot.handleKey(key({ key: 'ArrowLeft' }))).toBe(true)
    expect(snapshot.viewport()).toEqual({ ...start, x: start.x + 60 })
    expect(snapshot.handleKey(key({ key: 'ArrowUp' }))).toBe(true)
    expect(snapshot.viewport()).toEqual({ ...start, x: start.x + 60, y: start.y + 60 })
    expect(snapshot.handleKey(key({ key: 'a' }))).toBe(false)
    expect(snapshot.handleKey(key({ key: 'ArrowLeft', altKey: true }))).toBe(false)
    expect(snapshot.handleKey(key({ key: '+', shiftKey: true }))).toBe(true)
    await vi.waitFor(() => expect(snapshot.viewport().scale).toBeCloseTo(start.scale * 1.25, 6), { timeout: 3000 })
  })

  it('leaves character keys to the keyboard router’s preference; chords and arrows still work', () => {
    const { view } = liveStage()
    expect(view.handleViewKey(key({ key: '+' }), false)).toBe(false)
    expect(view.handleViewKey(key({ key: '-' }), false)).toBe(false)
    expect(view.handleViewKey(key({ key: '=', ctrlKey: true }), false)).toBe(true)
    expect(view.handleViewKey(key({ key: 'ArrowDown' }), false)).toBe(true)
  })

  it('lets go of the host when destroyed', () => {
    const { view, host: element } = liveStage()
    view.destroy()
    cleanups.length = 0
    wheel(element, { clientX: 300, clientY: 200, deltaX: 0, deltaY: -100, deltaMode: 0 })
    expect(view.viewport()).toEqual(start)
  })
})
