import './test-canvas.ts'
import Konva from 'konva'
import { afterAll, describe, expect, it } from 'vitest'
import { createHighlights } from './highlights.ts'

/**
 * `prefers-reduced-motion: reduce` on the canvas (issue 15, item 4): gap outlines pulse for
 * everyone else and stay still for a person who asked for less motion. The system setting is
 * the one thing stood in for: a media query whose answer the test sets.
 */

const preference = { reduce: false }
const realMatchMedia = globalThis.matchMedia
globalThis.matchMedia = ((query: string) =>
  ({
    media: query,
    get matches() {
      return query.includes('prefers-reduced-motion: reduce') && preference.reduce
    },
    addEventListener() {},
    removeEventListener() {},
  }) as unknown as MediaQueryList) as typeof globalThis.matchMedia
afterAll(() => {
  globalThis.matchMedia = realMatchMedia
})

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve))

function gapOutline() {
  const stage = new Konva.Stage({ container: document.createElement('div'), width: 400, height: 300 })
  const layer = new Konva.Layer()
  stage.add(layer)
  const highlights = createHighlights(layer)
  highlights.set(['a'], 'gap')
  highlights.update(() => ({ x: 10, y: 10, width: 100, height: 60 }))
  const group = layer.findOne('.highlight-gap') as Konva.Group
  const done = () => {
    highlights.destroy()
    stage.destroy()
  }
  return { group, done }
}

describe('gap outlines and reduced motion', () => {
  it('pulse without a preference', async () => {
    preference.reduce = false
    const { group, done } = gapOutline()
    expect(group).toBeDefined()
    await expect
      .poll(async () => {
        await nextFrame()
        return group.opacity()
      })
      .toBeLessThan(0.99)
    done()
  })

  it('stay at full strength, frame after frame, with reduce', async () => {
    preference.reduce = true
    const { group, done } = gapOutline()
    const seen: number[] = []
    for (let i = 0; i < 12; i++) {
      await nextFrame()
      seen.push(group.opacity())
    }
    expect(new Set(seen)).toEqual(new Set([1]))
    done()
  })
})
