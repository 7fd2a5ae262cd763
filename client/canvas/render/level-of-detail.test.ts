import './test-canvas.ts'
import { createCanvas } from '@napi-rs/canvas'
import Konva from 'konva'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { textileMillDocument } from '../../../shared/demo/textile-mill.ts'
import { translatorFor } from '../../../shared/i18n/index.ts'
import { noteColors, zoneColors } from '../../../shared/scene/palette.ts'
import { writeBoardDocument } from '../../../shared/schema/convert.ts'
import { type BoardRenderer, createBoardRenderer, type Rect } from './board-renderer.ts'
import {
  batchLodOps,
  drawLodBatches,
  LOD_ENTER_SCALE,
  LOD_LEAVE_SCALE,
  type LodBatch,
  type LodContext,
  type LodOp,
  type LodStyle,
} from './level-of-detail.ts'

const fill = (color: string): LodStyle => ({ mode: 'fill', color, alpha: 1, width: 0, minScreenWidth: 0, key: `fill|${color}` })
const op = (style: LodStyle, x: number, y: number, w = 10, h = 10): LodOp => ({ style, a: x, b: y, c: w, d: h })
const red = fill('#ff0000')
const blue = fill('#0000ff')
const summary = (batches: readonly LodBatch[]) => batches.map((batch) => [batch.style.color, batch.coords.length / 4])

describe('batchLodOps', () => {
  it('merges operations of one style that nothing of another style overlaps in between', () => {
    // red, blue and red again, side by side: two paths
    const batches = batchLodOps([[op(red, 0, 0)], [op(blue, 20, 0)], [op(red, 40, 0)]])
    expect(summary(batches)).toEqual([
      ['#ff0000', 2],
      ['#0000ff', 1],
    ])
  })

  it('keeps the draw order where operations overlap', () => {
    // the second red square lies on the blue one, which lies on the first: three paths, in order
    const batches = batchLodOps([[op(red, 0, 0)], [op(blue, 5, 5)], [op(red, 8, 8)]])
    expect(summary(batches)).toEqual([
      ['#ff0000', 1],
      ['#0000ff', 1],
      ['#ff0000', 1],
    ])
    // also when the overlap is with a huge operation (a frame around everything)
    const huge = batchLodOps([[op(red, 0, 0)], [op(blue, -1e6, -1e6, 2e6, 2e6)], [op(red, 500, 500)]])
    expect(summary(huge)).toEqual([
      ['#ff0000', 1],
      ['#0000ff', 1],
      ['#ff0000', 1],
    ])
  })

  it('keeps the own operations of an element in order', () => {
    // a card (red body, blue band on it), another beside it, a third on the first
    const batches = batchLodOps([
      [op(red, 0, 0, 100, 50), op(blue, 0, 0, 100, 10)],
      [op(red, 120, 0, 100, 50), op(blue, 120, 0, 100, 10)],
      [op(red, 50, 5, 20, 20)],
    ])
    expect(summary(batches)).toEqual([
      ['#ff0000', 2],
      ['#0000ff', 2],
      ['#ff0000', 1],
    ])
  })

  it('tests a line exactly against the boxes under it', () => {
    const line: LodStyle = { mode: 'line', color: '#00ff00', alpha: 1, width: 1, minScreenWidth: 0, key: 'line' }
    const batches = batchLodOps([
      [{ style: line, a: 5000, b: 5000, c: 5100, d: 5100 }],
      [op(red, 150, 210, 40, 40)],
      // a diagonal whose box covers the red box, but which passes it: joins the first line
      [{ style: line, a: 0, b: 200, c: 200, d: 400 }],
      // a box the line crosses: painted after it
      [op(red, 80, 260, 40, 40)],
    ])
    expect(summary(batches)).toEqual([
      ['#00ff00', 2],
      ['#ff0000', 2],
    ])
    // the same diagonal crossing the box: after it
    const crossing = batchLodOps([
      [{ style: line, a: 5000, b: 5000, c: 5100, d: 5100 }],
      [op(red, 90, 270, 40, 40)],
      [{ style: line, a: 0, b: 200, c: 200, d: 400 }],
    ])
    expect(summary(crossing)).toEqual([
      ['#00ff00', 1],
      ['#ff0000', 1],
      ['#00ff00', 1],
    ])
  })
})

// ——— the renderer zoomed out ———

const renderers: BoardRenderer[] = []
const stages: Konva.Stage[] = []
afterEach(() => {
  for (const renderer of renderers.splice(0)) renderer.destroy()
  for (const stage of stages.splice(0)) stage.destroy()
})

const WIDTH = 800
const HEIGHT = 600

/** A renderer on a stage of 800 × 600 px, like the canvas: the stage carries the viewport. */
function setUp(options: { levelOfDetail?: boolean; lodMinElements?: number } = {}) {
  const doc = new Y.Doc()
  writeBoardDocument(doc, textileMillDocument)
  // the demo is small: without lodMinElements 0 it would keep its full drawing at any zoom
  const renderer = createBoardRenderer({ doc, t: translatorFor('en'), locale: 'en', cache: false, lodMinElements: 0, ...options })
  const stage = new Konva.Stage({ container: document.createElement('div'), width: WIDTH, height: HEIGHT })
  stage.add(renderer.layer)
  renderers.push(renderer)
  stages.push(stage)
  /** shows the board area from (x, y) at `scale` */
  const view = (scale: number, x = -200, y = -200) => {
    stage.setAttrs({ x: -x * scale, y: -y * scale, scaleX: scale, scaleY: scale })
    renderer.setViewport({ x, y, width: WIDTH / scale, height: HEIGHT / scale })
  }
  const groups = () => renderer.layer.getChildren((node) => node.hasName('element'))
  const lodShape = () => renderer.layer.findOne('.level-of-detail') as Konva.Shape
  return { doc, renderer, stage, view, groups, lodShape }
}

/** The rectangles (x, y, w, h) of all fill batches of `color`. */
function fillsOf(batches: readonly LodBatch[], color: string): Rect[] {
  const out: Rect[] = []
  for (const batch of batches) {
    if (batch.style.mode !== 'fill' || batch.style.color !== color) continue
    for (let i = 0; i < batch.coords.length; i += 4) {
      const [x = 0, y = 0, width = 0, height = 0] = batch.coords.slice(i, i + 4)
      out.push({ x, y, width, height })
    }
  }
  return out
}

/** Paints the renderer's LOD batches at `scale` onto a real canvas (@napi-rs/canvas) and reads one pixel. */
function pixelAt(renderer: BoardRenderer, scale: number, origin: { x: number; y: number }, board: { x: number; y: number }) {
  const canvas = createCanvas(WIDTH, HEIGHT)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, WIDTH, HEIGHT)
  ctx.setTransform(scale, 0, 0, scale, -origin.x * scale, -origin.y * scale)
  drawLodBatches(ctx as unknown as LodContext, renderer.levelOfDetail().batches, scale)
  const px = Math.round((board.x - origin.x) * scale)
  const py = Math.round((board.y - origin.y) * scale)
  const [r = 0, g = 0, b = 0] = ctx.getImageData(px, py, 1, 1).data
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`
}

describe('level of detail', () => {
  it('draws a zoomed-out board with one shape and builds no element groups', () => {
    const { renderer, view, groups, lodShape } = setUp()
    view(0.1)
    expect(renderer.levelOfDetail().active).toBe(true)
    expect(groups()).toHaveLength(0)
    expect(lodShape().visible()).toBe(true)
    expect(lodShape().isListening()).toBe(false)
    // every note of the demo is in the drawing, in its paper colour
    const notes = textileMillDocument.elements.filter((element) => element.kind === 'note')
    const drawn = renderer.levelOfDetail().batches.reduce((n, batch) => n + batch.coords.length / 4, 0)
    expect(drawn).toBeGreaterThan(textileMillDocument.elements.length)
    for (const note of notes) {
      const paper = noteColors[note.color ?? 'yellow'].paper
      expect(fillsOf(renderer.levelOfDetail().batches, paper)).toContainEqual({
        x: note.x,
        y: note.y,
        width: note.w,
        height: note.h,
      })
    }
    // highlights stay on top of it
    renderer.setHighlight(['a-owner'], 'gap')
    expect(renderer.layer.getChildren().at(-1)?.name()).toBe('highlights')
    expect(renderer.layer.getChildren().at(-2)).toBe(lodShape())
  })

  it('pans without new batches while they hold the whole board, and makes new ones for a changed element', () => {
    const { doc, renderer, view } = setUp()
    view(0.1)
    const batches = renderer.levelOfDetail().batches
    for (const x of [-400, 0, 2000, 5000]) {
      view(0.1, x, -100)
      expect(renderer.levelOfDetail().batches).toBe(batches)
    }
    ;(doc.getMap('elements').get('n-roof') as Y.Map<unknown>).set('x', 100)
    renderer.flush()
    expect(renderer.levelOfDetail().batches).not.toBe(batches)
  })

  it('builds the groups in view when zoomed in, and hides them again when zoomed out', () => {
    const { renderer, view, groups, lodShape } = setUp()
    view(0.1)
    view(1)
    expect(renderer.levelOfDetail().active).toBe(false)
    expect(lodShape().visible()).toBe(false)
    const built = groups()
    expect(built.length).toBeGreaterThan(0)
    expect(built.length).toBeLessThan(textileMillDocument.elements.length)
    expect(built.every((node) => node.visible())).toBe(true)
    view(0.1)
    expect(renderer.levelOfDetail().active).toBe(true)
    expect(groups().some((node) => node.visible())).toBe(false)
  })

  it('does not flip between the two drawings while the scale hovers around the threshold', () => {
    const { renderer, view } = setUp()
    const between = (LOD_ENTER_SCALE + LOD_LEAVE_SCALE) / 2
    view(1)
    view(between)
    expect(renderer.levelOfDetail().active).toBe(false)
    view(LOD_ENTER_SCALE * 0.99)
    expect(renderer.levelOfDetail().active).toBe(true)
    view(between)
    expect(renderer.levelOfDetail().active).toBe(true)
    view(LOD_LEAVE_SCALE * 1.01)
    expect(renderer.levelOfDetail().active).toBe(false)
  })

  it('moves the drawing with previews (own and peers’ drags), links included, and back when they end', () => {
    const { renderer, view } = setUp()
    view(0.1)
    const note = textileMillDocument.elements.find((element) => element.id === 'n-roof')
    if (note?.kind !== 'note') throw new Error('no note')
    const paper = noteColors[note.color ?? 'yellow'].paper
    const linesBefore = JSON.stringify(renderer.levelOfDetail().batches.filter((batch) => batch.style.mode === 'line'))
    renderer.setPreview('peer:7', new Map([['n-roof', { x: 3000, y: 2000 }]]))
    renderer.setPreview('local', new Map([['a-makers', { x: 2600, y: 2600 }]]))
    renderer.flush()
    const fills = fillsOf(renderer.levelOfDetail().batches, paper)
    expect(fills).toContainEqual({ x: 3000, y: 2000, width: note.w, height: note.h })
    expect(fills).not.toContainEqual({ x: note.x, y: note.y, width: note.w, height: note.h })
    // the makers' links follow their card
    expect(JSON.stringify(renderer.levelOfDetail().batches.filter((batch) => batch.style.mode === 'line'))).not.toBe(linesBefore)
    renderer.setPreview('peer:7', new Map())
    renderer.setPreview('local', new Map())
    renderer.flush()
    expect(fillsOf(renderer.levelOfDetail().batches, paper)).toContainEqual({
      x: note.x,
      y: note.y,
      width: note.w,
      height: note.h,
    })
    expect(JSON.stringify(renderer.levelOfDetail().batches.filter((batch) => batch.style.mode === 'line'))).toBe(linesBefore)
  })

  it('paints the elements in their colours, in draw order, where they are (pixels)', () => {
    const { renderer, view } = setUp()
    const scale = 0.2
    const origin = { x: -200, y: -200 }
    view(scale, origin.x, origin.y)
    const note = textileMillDocument.elements.find((element) => element.id === 'n-roof')
    if (note?.kind !== 'note') throw new Error('no note')
    const paper = noteColors[note.color ?? 'yellow'].paper
    const centre = { x: note.x + note.w / 2, y: note.y + note.h / 2 }
    expect(pixelAt(renderer, scale, origin, centre)).toBe(paper)
    // dragged half onto a zone, the note covers the zone (it is drawn later)
    const villa = renderer.boundsOf('z-villa')
    if (!villa) throw new Error('no zone')
    const at = { x: villa.x + villa.width / 2, y: villa.y + villa.height / 2 }
    renderer.setPreview('local', new Map([['n-roof', at]]))
    renderer.flush()
    expect(pixelAt(renderer, scale, origin, { x: at.x + 15, y: at.y + 15 })).toBe(paper)
    expect(pixelAt(renderer, scale, origin, centre)).not.toBe(paper)
    // the rest of the zone shows its own (translucent) fill
    const zonePixel = pixelAt(renderer, scale, origin, { x: villa.x + 20, y: villa.y + villa.height - 20 })
    const channels = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16))
    const expected = channels(zoneColors.fill)
    for (const [i, c] of channels(zonePixel).entries()) expect(Math.abs(c - (expected[i] ?? 0))).toBeLessThanOrEqual(8)
  })

  it('still gives callers a node of any element (built on demand, hidden under the drawing)', () => {
    const { renderer, view, groups } = setUp()
    view(0.1)
    const node = renderer.nodeOf('a-makers')
    expect(node?.id()).toBe('a-makers')
    expect(node?.findOne('Text')).toBeDefined()
    expect(node?.visible()).toBe(false)
    expect(groups()).toHaveLength(1)
    expect(renderer.levelOfDetail().active).toBe(true)
    // zoomed in, it is shown like the others
    view(1, (node?.x() ?? 0) - 100, (node?.y() ?? 0) - 100)
    expect(renderer.nodeOf('a-makers')?.visible()).toBe(true)
  })

  it('answers hit tests from its index while zoomed out, with no hit graph on the layer', () => {
    const { renderer, view } = setUp()
    view(0.1)
    expect(renderer.layer.isListening()).toBe(false)
    const owner = renderer.boundsOf('a-owner')
    if (!owner) throw new Error('no bounds')
    expect(renderer.elementAt({ x: owner.x + 10, y: owner.y + 10 })).toBe('a-owner')
  })

  it('keeps the full drawing of a view with few elements (small boards, a sparse corner)', () => {
    const count = textileMillDocument.elements.length
    const small = setUp({ lodMinElements: count + 1 })
    small.view(0.1)
    expect(small.renderer.levelOfDetail().active).toBe(false)
    expect(small.groups()).toHaveLength(count)
    // enough elements in view: LOD; zoomed into an empty corner at the same low scale: full again
    const big = setUp({ lodMinElements: count - 5 })
    big.view(0.1)
    expect(big.renderer.levelOfDetail().active).toBe(true)
    big.view(0.1, 50_000, 50_000)
    expect(big.renderer.levelOfDetail().active).toBe(false)
    expect(big.groups()).toHaveLength(0)
  })

  it('can be switched off: every visible element gets its group at any zoom', () => {
    const { renderer, view, groups, lodShape } = setUp({ levelOfDetail: false })
    view(0.1)
    expect(renderer.levelOfDetail().active).toBe(false)
    expect(lodShape().visible()).toBe(false)
    expect(groups()).toHaveLength(textileMillDocument.elements.length)
  })
})
