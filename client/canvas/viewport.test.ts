import { describe, expect, it } from 'vitest'
import {
  centreOn,
  clampScale,
  fitRect,
  MAX_SCALE,
  MIN_SCALE,
  readWheel,
  toBoard,
  toScreen,
  unionRect,
  visibleRect,
  zoomAround,
  zoomBy,
} from './viewport.ts'

describe('viewport math', () => {
  it('maps board and screen points both ways', () => {
    const vp = { x: 100, y: -50, scale: 2 }
    expect(toScreen(vp, { x: 10, y: 20 })).toEqual({ x: 120, y: -10 })
    expect(toBoard(vp, { x: 120, y: -10 })).toEqual({ x: 10, y: 20 })
  })

  it('zooms around a point: the board point under the pointer stays under it', () => {
    const vp = { x: 30, y: 40, scale: 1 }
    const anchor = { x: 400, y: 300 }
    const before = toBoard(vp, anchor)
    const next = zoomAround(vp, anchor, 2.5)
    expect(next.scale).toBe(2.5)
    const after = toBoard(next, anchor)
    expect(after.x).toBeCloseTo(before.x)
    expect(after.y).toBeCloseTo(before.y)
    const out = zoomBy(next, anchor, 0.5)
    expect(toBoard(out, anchor).x).toBeCloseTo(before.x)
  })

  it('keeps the zoom between 5 % and 400 %', () => {
    expect(clampScale(100)).toBe(MAX_SCALE)
    expect(clampScale(0.0001)).toBe(MIN_SCALE)
    expect(clampScale(Number.NaN)).toBe(1)
    expect(zoomAround({ x: 0, y: 0, scale: 3 }, { x: 0, y: 0 }, 10).scale).toBe(4)
  })

  it('reports the visible rect in board coordinates', () => {
    expect(visibleRect({ x: -200, y: -100, scale: 2 }, { width: 800, height: 600 })).toEqual({
      x: 100,
      y: 50,
      width: 400,
      height: 300,
    })
  })

  it('fits a rect centred with padding, never above the max scale', () => {
    const size = { width: 1000, height: 600 }
    const vp = fitRect({ x: 0, y: 0, width: 1800, height: 500 }, size, { padding: 50 })
    expect(vp.scale).toBeCloseTo(0.5)
    const centre = toBoard(vp, { x: 500, y: 300 })
    expect(centre.x).toBeCloseTo(900)
    expect(centre.y).toBeCloseTo(250)
    expect(fitRect({ x: 0, y: 0, width: 10, height: 10 }, size, { maxScale: 1 }).scale).toBe(1)
  })

  it('centres on a point', () => {
    const vp = centreOn({ x: 50, y: 50 }, { width: 200, height: 100 }, 1)
    expect(toBoard(vp, { x: 100, y: 50 })).toEqual({ x: 50, y: 50 })
  })

  it('unites rects', () => {
    expect(unionRect([])).toBeNull()
    expect(
      unionRect([
        { x: 0, y: 0, width: 10, height: 10 },
        { x: -5, y: 20, width: 5, height: 5 },
      ]),
    ).toEqual({ x: -5, y: 0, width: 15, height: 25 })
  })
})

describe('readWheel', () => {
  const wheel = (over: Partial<Parameters<typeof readWheel>[0]>) =>
    readWheel({ deltaX: 0, deltaY: 0, deltaMode: 0, ctrlKey: false, metaKey: false, shiftKey: false, ...over })

  it('zooms on pinch (ctrlKey), in for negative delta', () => {
    const intent = wheel({ deltaY: -10, ctrlKey: true })
    expect(intent.kind).toBe('zoom')
    if (intent.kind === 'zoom') expect(intent.factor).toBeGreaterThan(1)
  })

  it('zooms on mouse wheel notches', () => {
    expect(wheel({ deltaY: 100 })).toEqual({ kind: 'zoom', factor: 1 / 1.1 })
    expect(wheel({ deltaY: -3, deltaMode: 1 })).toEqual({ kind: 'zoom', factor: 1.1 })
  })

  it('pans on two-finger trackpad scroll', () => {
    expect(wheel({ deltaX: 4.5, deltaY: -12.25 })).toEqual({ kind: 'pan', dx: -4.5, dy: 12.25 })
  })

  it('pans sideways with Shift', () => {
    expect(wheel({ deltaY: 100, shiftKey: true })).toEqual({ kind: 'pan', dx: -100, dy: 0 })
  })
})
